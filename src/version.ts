// The tool's version, named in every generated output and in SARIF.
export const VERSION = '0.1.0';
