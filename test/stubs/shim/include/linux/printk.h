/* Shim: pr_warn() is counted (the test asserts how often it fired) and printed when verbose. */
#ifndef SHIM_LINUX_PRINTK_H
#define SHIM_LINUX_PRINTK_H
void shim_pr_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define pr_warn(...) shim_pr_warn(__VA_ARGS__)
#endif
