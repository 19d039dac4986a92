// Recognises `#define` directives as macros: name, parameters, and the token range of the body.
import { type Directive, type Token, tokenEnd } from './tokenize.js';

export interface Macro {
  name: string;
  /** Parameter names for a function-like macro; null for an object-like one. */
  params: string[] | null;
  /** Token index of the name, and the body's token range [bodyStart, bodyEnd). */
  nameToken: number;
  bodyStart: number;
  bodyEnd: number;
}

export function collectMacros(tokens: Token[], directives: Directive[]): Macro[] {
  const macros: Macro[] = [];
  for (const d of directives) {
    if (d.name !== 'define') continue;
    const nameToken = d.first + 2;
    const name = tokens[nameToken];
    if (name?.type !== 'id' || nameToken >= d.end) continue;
    let bodyStart = nameToken + 1;
    let params: string[] | null = null;
    const open = tokens[bodyStart];
    if (open && bodyStart < d.end && open.text === '(' && open.start === tokenEnd(name)) {
      params = [];
      let j = bodyStart + 1;
      while (j < d.end && tokens[j]?.text !== ')') {
        const t = tokens[j] as Token;
        if (t.type === 'id' || t.text === '...') params.push(t.text);
        j++;
      }
      bodyStart = j + 1;
    }
    macros.push({
      name: name.text,
      params,
      nameToken,
      bodyStart: Math.min(bodyStart, d.end),
      bodyEnd: d.end,
    });
  }
  return macros;
}
