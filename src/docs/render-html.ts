// `docs --format html`: one self-contained page (inline CSS, script and data; no network) that
// works from file://. The page's Content-Security-Policy allows only its own style and script,
// by hash, so even injected markup could load or run nothing.
import { createHash } from 'node:crypto';
import { htmlData, jsonForScript } from './html-data.js';
import type { Reference } from './reference-model.js';
import { asset, template } from './templates.js';

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function renderHtml(ref: Reference): string {
  const css = asset('reference.css');
  const js = asset('reference.js');
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(css)}`,
    `script-src ${cspHash(js)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return template('reference.html.hbs')({
    kernel: ref.kernel,
    spec: ref.spec,
    source: ref.source,
    syscallCount: ref.syscalls.length,
    abiCount: ref.abis.length,
    csp,
    css,
    js,
    data: jsonForScript(htmlData(ref)),
  });
}
