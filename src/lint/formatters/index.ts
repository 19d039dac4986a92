// One formatter per output format, looked up by the `--format` name.
import type { FormatName } from '../config/cli-options.js';
import type { Formatter } from '../types.js';
import { githubFormatter } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { jsonFormatter } from './json.js';
import { sarifFormatter } from './sarif.js';
import { createTextFormatter } from './text.js';

/** `color` matters only to text; machine formats never carry escape codes. */
export function getFormatter(name: FormatName, options: { color: boolean }): Formatter {
  switch (name) {
    case 'json':
      return jsonFormatter;
    case 'sarif':
      return sarifFormatter;
    case 'github':
      return githubFormatter;
    case 'gitlab':
      return gitlabFormatter;
    case 'text':
      return createTextFormatter(options);
  }
}
