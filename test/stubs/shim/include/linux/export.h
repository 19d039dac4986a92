/* Shim: no module loader resolves symbols here; an export is just a declaration. */
#ifndef SHIM_LINUX_EXPORT_H
#define SHIM_LINUX_EXPORT_H
#define EXPORT_SYMBOL_GPL(sym) extern __typeof__(sym) sym
#define EXPORT_SYMBOL(sym) extern __typeof__(sym) sym
#endif
