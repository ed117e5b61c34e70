/*
 * A SPANK plugin for tests that takes Pyxis' container options and runs no
 * container. It registers under Pyxis' plugin name, so sbatch and srun show
 * the same options (--container-image, ...), and it checks their arguments
 * with the same rules and error texts as Pyxis 0.24 (the project's shared
 * domain notes, section 4). Then it writes down what it received.
 *
 * plugstack.conf line (tests/integration/pyxis-stub.sh writes it):
 *
 *   required /path/to/pyxis_stub.so record_dir=DIR [sbatch_support=0|1] [PYXIS KEYS]
 *
 * Pyxis' own keys (runtime_path, execute_entrypoint, container_scope,
 * sbatch_support, use_enroot_load, importer, use_squashfuse) are accepted;
 * only sbatch_support has an effect. Any other key fails the plugin, as in
 * Pyxis ("pyxis: unknown configuration option: KEY").
 *
 * RECORD FORMAT. Every sbatch (allocator context, after its options are
 * read), every srun (local context, once its step exists) and every step's
 * slurmstepd (remote context: the batch script, srun steps, the extern step)
 * appends one line to DIR/pyxis-stub.log:
 *
 *   pyxis-stub context=CTX job=JOB step=STEP[ OPTION=VALUE]...
 *
 *   CTX     allocator (sbatch, salloc) | local (srun) | remote (slurmstepd)
 *   JOB     the job id; "-" under sbatch (no job exists yet)
 *   STEP    a step number, batch, extern, interactive; "-" under sbatch
 *   OPTION  each container option that is set, in this order, e.g.
 *             container-image=VALUE       as given
 *             container-mounts=A,B        each SRC:DST[:FLAGS] item as given,
 *                                         accumulated over repeats, duplicates
 *                                         dropped, joined with ","
 *             container-workdir=VALUE
 *             container-name=VALUE        as given (NAME or NAME:FLAG)
 *             container-save=VALUE
 *             container-mount-home=1     or no-container-mount-home=1
 *             container-remap-root=1     or no-container-remap-root=1
 *             container-entrypoint=1     or no-container-entrypoint=1
 *             container-entrypoint-log=1
 *             container-writable=1       or container-readonly=1
 *             container-env=A,B           accumulated like mounts
 *             container-unshare=net,ipc,uts  the namespaces asked for, in
 *                                         this order
 *   A value's bytes "%", space, tab, newline, other control bytes and bytes
 *   from 0x7f are written as %XX (two hex digits), so a line stays one
 *   line and every field is one word: `grep ' container-image=ubuntu\( \|$\)'`.
 *
 * Options set only by the PYXIS_CONTAINER_* environment defaults (Pyxis 0.21+)
 * are recorded the same way.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <slurm/spank.h>

SPANK_PLUGIN(pyxis, 1)

/* Step ids with a name (slurm.h; not included, to keep the build to spank.h). */
#define STUB_STEP_INTERACTIVE 0xfffffffaU
#define STUB_STEP_BATCH 0xfffffffbU
#define STUB_STEP_EXTERN 0xfffffffcU

#define STUB_LOG_NAME "pyxis-stub.log"

/* A list of unique strings in the order first seen. */
struct string_list {
	char **items;
	size_t len;
};

enum { UNSET = -1 };

static struct {
	char *image;
	char *workdir;
	char *name;
	char *save;
	struct string_list mounts;
	struct string_list env;
	int mount_home, remap_root, entrypoint, entrypoint_log, writable;
	int unshare_net, unshare_ipc, unshare_uts;
} args = {
	.mount_home = UNSET, .remap_root = UNSET, .entrypoint = UNSET,
	.entrypoint_log = UNSET, .writable = UNSET,
	.unshare_net = UNSET, .unshare_ipc = UNSET, .unshare_uts = UNSET,
};

static struct {
	char record_dir[4096];
	bool sbatch_support;
	bool registered;
} config;

static int list_add_unique(struct string_list *list, const char *item)
{
	for (size_t i = 0; i < list->len; ++i)
		if (strcmp(list->items[i], item) == 0)
			return 0;
	char **grown = realloc(list->items, (list->len + 1) * sizeof(*grown));
	char *copy = strdup(item);
	if (grown == NULL || copy == NULL) {
		free(copy);
		if (grown != NULL)
			list->items = grown;
		slurm_error("pyxis: could not allocate memory");
		return -1;
	}
	list->items = grown;
	list->items[list->len++] = copy;
	return 0;
}

static void list_free(struct string_list *list)
{
	for (size_t i = 0; i < list->len; ++i)
		free(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->len = 0;
}

static bool empty(const char *arg)
{
	return arg == NULL || arg[0] == '\0';
}

/* Image, workdir, name and save: Slurm may hand the same option over twice
 * (command line and inherited environment); only a different value is an error. */
static int set_once(char **slot, const char *option, const char *arg)
{
	if (empty(arg)) {
		slurm_error("pyxis: --%s: argument required", option);
		return -1;
	}
	if (*slot != NULL) {
		if (strcmp(*slot, arg) == 0)
			return 0;
		slurm_error("pyxis: --%s specified multiple times", option);
		return -1;
	}
	*slot = strdup(arg);
	if (*slot == NULL) {
		slurm_error("pyxis: could not allocate memory");
		return -1;
	}
	return 0;
}

static int option_image(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	return set_once(&args.image, "container-image", arg);
}

static int option_workdir(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	return set_once(&args.workdir, "container-workdir", arg);
}

static int option_name(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	if (empty(arg)) {
		slurm_error("pyxis: --container-name: argument required");
		return -1;
	}
	if (args.name != NULL) {
		if (strcmp(args.name, arg) == 0)
			return 0;
		slurm_error("pyxis: --container-name specified multiple times");
		return -1;
	}
	const char *colon = strchr(arg, ':');
	if (colon == arg) {
		slurm_error("pyxis: --container-name: empty name");
		return -1;
	}
	if (colon != NULL && colon[1] != '\0') {
		const char *flag = colon + 1;
		if (strcmp(flag, "auto") != 0 && strcmp(flag, "create") != 0 &&
		    strcmp(flag, "exec") != 0 && strcmp(flag, "no_exec") != 0) {
			slurm_error("pyxis: --container-name: flag must be \"auto\", \"create\", \"exec\" or \"no_exec\"");
			return -1;
		}
	}
	return set_once(&args.name, "container-name", arg);
}

static int option_save(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	if (empty(arg)) {
		slurm_error("pyxis: --container-save: argument required");
		return -1;
	}
	if (arg[strlen(arg) - 1] == '/') {
		slurm_error("pyxis: --container-save: target is a directory");
		return -1;
	}
	return set_once(&args.save, "container-save", arg);
}

/* One SRC[:DST[:FLAGS]] item; the source and target rules of Pyxis' add_mount. */
static int check_mount(const char *item)
{
	char *copy = strdup(item);
	if (copy == NULL) {
		slurm_error("pyxis: could not allocate memory");
		return -1;
	}
	int rv = -1;
	char *rest = copy;
	char *src = strsep(&rest, ":");
	char *dst = src;
	if (src[0] == '\0') {
		slurm_error("pyxis: --container-mounts: invalid format: %s", item);
		goto out;
	}
	if (rest != NULL) {
		dst = strsep(&rest, ":");
		if (dst[0] == '\0') {
			slurm_error("pyxis: --container-mounts: invalid format: %s", item);
			goto out;
		}
	}
	if (strspn(src, "./") == 0 && strcmp(src, "tmpfs") != 0 && strcmp(src, "umount") != 0)
		slurm_error("pyxis: mount source must be a relative path, an absolute path, \"tmpfs\" or \"umount\"");
	else if (strspn(dst, "./") == 0)
		slurm_error("pyxis: mount target must be a relative path or an absolute path");
	else
		rv = list_add_unique(&args.mounts, item);
	/* Pyxis follows a rejected source or target with this second line. */
	if (rv < 0)
		slurm_error("pyxis: could not add mount entry: %s:%s", src, dst);
out:
	free(copy);
	return rv;
}

/* The accumulating options (mounts, env, unshare): a non-empty comma list whose
 * items, empty ones included, each go to each_item. */
static int comma_option(const char *option, const char *arg,
			int (*each_item)(const char *item, const char *whole))
{
	if (empty(arg)) {
		slurm_error("pyxis: --%s: argument required", option);
		return -1;
	}
	char *copy = strdup(arg);
	if (copy == NULL) {
		slurm_error("pyxis: could not allocate memory");
		return -1;
	}
	int rv = 0;
	char *rest = copy, *item;
	while (rv == 0 && (item = strsep(&rest, ",")) != NULL)
		rv = each_item(item, arg);
	free(copy);
	return rv;
}

static int mount_item(const char *item, const char *whole)
{
	(void)whole;
	return check_mount(item);
}

static int option_mounts(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	return comma_option("container-mounts", arg, mount_item);
}

static int env_item(const char *item, const char *whole)
{
	if (item[0] == '\0') {
		slurm_error("pyxis: --container-env: invalid format: %s", whole);
		return -1;
	}
	return list_add_unique(&args.env, item);
}

static int option_env(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	return comma_option("container-env", arg, env_item);
}

static int unshare_item(const char *item, const char *whole)
{
	(void)whole;
	if (item[0] == '\0') {
		slurm_error("pyxis: --container-unshare: empty namespace argument");
		return -1;
	}
	if (strcmp(item, "net") == 0)
		args.unshare_net = 1;
	else if (strcmp(item, "ipc") == 0)
		args.unshare_ipc = 1;
	else if (strcmp(item, "uts") == 0)
		args.unshare_uts = 1;
	else {
		slurm_error("pyxis: --container-unshare: unknown namespace '%s'", item);
		return -1;
	}
	return 0;
}

static int option_unshare(int val, const char *arg, int remote)
{
	(void)val;
	(void)remote;
	return comma_option("container-unshare", arg, unshare_item);
}

/* A --x / --no-x pair: giving both is an error, repeating one is not. */
static int set_flag(int *slot, int val, const char *yes, const char *no)
{
	if (*slot != UNSET && *slot != val) {
		slurm_error("pyxis: both --%s and --%s were specified", yes, no);
		return -1;
	}
	*slot = val;
	return 0;
}

static int option_mount_home(int val, const char *arg, int remote)
{
	(void)arg;
	(void)remote;
	return set_flag(&args.mount_home, val, "container-mount-home", "no-container-mount-home");
}

static int option_remap_root(int val, const char *arg, int remote)
{
	(void)arg;
	(void)remote;
	return set_flag(&args.remap_root, val, "container-remap-root", "no-container-remap-root");
}

static int option_entrypoint(int val, const char *arg, int remote)
{
	(void)arg;
	(void)remote;
	return set_flag(&args.entrypoint, val, "container-entrypoint", "no-container-entrypoint");
}

static int option_entrypoint_log(int val, const char *arg, int remote)
{
	(void)arg;
	(void)remote;
	args.entrypoint_log = val;
	return 0;
}

static int option_writable(int val, const char *arg, int remote)
{
	(void)arg;
	(void)remote;
	return set_flag(&args.writable, val, "container-writable", "container-readonly");
}

/* Names, argument kinds and values as Pyxis registers them; the help texts are ours. */
static struct spank_option options[] = {
	{"container-image", "[USER@][REGISTRY#]IMAGE[:TAG]|PATH", "[pyxis stub] image (recorded, not run)", 1, 0, option_image},
	{"container-mounts", "SRC:DST[:FLAGS][,SRC:DST...]", "[pyxis stub] bind mounts (recorded)", 1, 0, option_mounts},
	{"container-workdir", "PATH", "[pyxis stub] working directory (recorded)", 1, 0, option_workdir},
	{"container-name", "NAME", "[pyxis stub] container name (recorded)", 1, 0, option_name},
	{"container-save", "PATH", "[pyxis stub] squashfs to save to (recorded)", 1, 0, option_save},
	{"container-mount-home", NULL, "[pyxis stub] mount home (recorded)", 0, 1, option_mount_home},
	{"no-container-mount-home", NULL, "[pyxis stub] do not mount home (recorded)", 0, 0, option_mount_home},
	{"container-remap-root", NULL, "[pyxis stub] remap to root (recorded)", 0, 1, option_remap_root},
	{"no-container-remap-root", NULL, "[pyxis stub] do not remap to root (recorded)", 0, 0, option_remap_root},
	{"container-entrypoint", NULL, "[pyxis stub] run the entrypoint (recorded)", 0, 1, option_entrypoint},
	{"no-container-entrypoint", NULL, "[pyxis stub] skip the entrypoint (recorded)", 0, 0, option_entrypoint},
	{"container-entrypoint-log", NULL, "[pyxis stub] entrypoint output (recorded)", 0, 1, option_entrypoint_log},
	{"container-writable", NULL, "[pyxis stub] writable filesystem (recorded)", 0, 1, option_writable},
	{"container-readonly", NULL, "[pyxis stub] read-only filesystem (recorded)", 0, 0, option_writable},
	{"container-env", "NAME[,NAME...]", "[pyxis stub] variables from the host (recorded)", 1, 0, option_env},
	{"container-unshare", "NS[,NS...]", "[pyxis stub] namespaces: net, ipc, uts (recorded)", 1, 1, option_unshare},
	SPANK_OPTIONS_TABLE_END
};

static int parse_bool(const char *s)
{
	if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 || strcmp(s, "y") == 0)
		return 1;
	if (strcmp(s, "0") == 0 || strcmp(s, "false") == 0 || strcmp(s, "no") == 0 || strcmp(s, "n") == 0)
		return 0;
	return -1;
}

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int parse_config(int ac, char **av)
{
	static const char *const bool_keys[] = {"execute_entrypoint=", "use_enroot_load=", "use_squashfuse=", NULL};
	config.sbatch_support = true;
	config.record_dir[0] = '\0';
	for (int i = 0; i < ac; ++i) {
		const char *value = strchr(av[i], '=');
		value = value ? value + 1 : "";
		bool known_bool = false;
		for (int k = 0; bool_keys[k]; ++k)
			known_bool = known_bool || has_prefix(av[i], bool_keys[k]);
		if (has_prefix(av[i], "record_dir=")) {
			int n = snprintf(config.record_dir, sizeof(config.record_dir), "%s", value);
			if (n <= 0 || (size_t)n >= sizeof(config.record_dir)) {
				slurm_error("pyxis: record_dir: empty or too long: %s", value);
				return -1;
			}
		} else if (has_prefix(av[i], "sbatch_support=")) {
			int b = parse_bool(value);
			if (b < 0) {
				slurm_error("pyxis: sbatch_support: invalid value: %s", value);
				return -1;
			}
			config.sbatch_support = b;
		} else if (known_bool) {
			if (parse_bool(value) < 0) {
				slurm_error("pyxis: %.*s: invalid value: %s", (int)(value - av[i] - 1), av[i], value);
				return -1;
			}
		} else if (has_prefix(av[i], "container_scope=")) {
			if (strcmp(value, "job") != 0 && strcmp(value, "global") != 0) {
				slurm_error("pyxis: container_scope: invalid value: %s", value);
				return -1;
			}
		} else if (!has_prefix(av[i], "runtime_path=") && !has_prefix(av[i], "importer=")) {
			slurm_error("pyxis: unknown configuration option: %s", av[i]);
			return -1;
		}
	}
	if (config.record_dir[0] == '\0') {
		slurm_error("pyxis: stub: plugstack.conf must give record_dir=DIR");
		return -1;
	}
	return 0;
}

int slurm_spank_init(spank_t sp, int ac, char **av)
{
	spank_context_t ctx = spank_context();
	if (ctx != S_CTX_LOCAL && ctx != S_CTX_ALLOCATOR && ctx != S_CTX_REMOTE)
		return 0;
	if (parse_config(ac, av) < 0) {
		slurm_error("pyxis: failed to parse configuration");
		return -1;
	}
	if (ctx == S_CTX_ALLOCATOR && !config.sbatch_support)
		return 0;
	for (int i = 0; options[i].name != NULL; ++i) {
		spank_err_t rc = spank_option_register(sp, &options[i]);
		if (rc != ESPANK_SUCCESS) {
			slurm_error("pyxis: couldn't register option %s: %s", options[i].name, spank_strerror(rc));
			return -1;
		}
	}
	config.registered = true;
	return 0;
}

/* The environment a setting comes from: the job's under slurmstepd, ours elsewhere. */
static const char *env_value(spank_t sp, const char *name, char *buf, int len)
{
	if (spank_context() == S_CTX_REMOTE)
		return spank_getenv(sp, name, buf, len) == ESPANK_SUCCESS ? buf : NULL;
	return getenv(name);
}

/* PYXIS_CONTAINER_* apply where the option was not given (Pyxis 0.21+). */
static void apply_environment_defaults(spank_t sp)
{
	char buf[4096];
	const char *v;
	int b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_IMAGE", buf, sizeof(buf))) && args.image == NULL)
		option_image(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_MOUNTS", buf, sizeof(buf))) && args.mounts.len == 0)
		option_mounts(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_WORKDIR", buf, sizeof(buf))) && args.workdir == NULL)
		option_workdir(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_NAME", buf, sizeof(buf))) && args.name == NULL)
		option_name(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_SAVE", buf, sizeof(buf))) && args.save == NULL)
		option_save(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_MOUNT_HOME", buf, sizeof(buf))) && args.mount_home == UNSET &&
	    (b = parse_bool(v)) >= 0)
		args.mount_home = b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_REMAP_ROOT", buf, sizeof(buf))) && args.remap_root == UNSET &&
	    (b = parse_bool(v)) >= 0)
		args.remap_root = b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_ENTRYPOINT", buf, sizeof(buf))) && args.entrypoint == UNSET &&
	    (b = parse_bool(v)) >= 0)
		args.entrypoint = b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_ENTRYPOINT_LOG", buf, sizeof(buf))) &&
	    args.entrypoint_log == UNSET && (b = parse_bool(v)) >= 0)
		args.entrypoint_log = b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_WRITABLE", buf, sizeof(buf))) && args.writable == UNSET &&
	    (b = parse_bool(v)) >= 0)
		args.writable = b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_READONLY", buf, sizeof(buf))) && args.writable == UNSET &&
	    (b = parse_bool(v)) >= 0)
		args.writable = !b;
	if ((v = env_value(sp, "PYXIS_CONTAINER_ENV", buf, sizeof(buf))) && args.env.len == 0)
		option_env(0, v, 0);
	if ((v = env_value(sp, "PYXIS_CONTAINER_UNSHARE", buf, sizeof(buf))) && args.unshare_net == UNSET &&
	    args.unshare_ipc == UNSET && args.unshare_uts == UNSET)
		option_unshare(1, v, 0);
}

/* Pyxis' warnings for options that need an image or a name. */
static void warn_ignored(void)
{
	if (args.image != NULL || args.name != NULL)
		return;
	static const char *const tail = "because neither --container-image nor --container-name is set";
	if (args.mounts.len > 0)
		slurm_error("pyxis: ignoring --container-mounts %s", tail);
	if (args.workdir != NULL)
		slurm_error("pyxis: ignoring --container-workdir %s", tail);
	if (args.save != NULL)
		slurm_error("pyxis: ignoring --container-save %s", tail);
	if (args.mount_home != UNSET)
		slurm_error("pyxis: ignoring --[no-]container-mount-home %s", tail);
	if (args.remap_root != UNSET)
		slurm_error("pyxis: ignoring --[no-]container-remap-root %s", tail);
	if (args.entrypoint != UNSET)
		slurm_error("pyxis: ignoring --[no-]container-entrypoint %s", tail);
	if (args.entrypoint_log != UNSET)
		slurm_error("pyxis: ignoring --container-entrypoint-log %s", tail);
	if (args.writable == 0)
		slurm_error("pyxis: ignoring --container-readonly %s", tail);
	if (args.writable == 1)
		slurm_error("pyxis: ignoring --container-writable %s", tail);
}

/* A growing line buffer; on allocation failure it stays NULL and nothing is written. */
struct line {
	char *text;
	size_t len, cap;
};

static void put_raw(struct line *l, const char *s, size_t n)
{
	if (l->text == NULL && l->cap != 0)
		return;
	if (l->len + n + 2 > l->cap) {
		size_t cap = (l->len + n + 2) * 2;
		char *grown = realloc(l->text, cap);
		if (grown == NULL) {
			free(l->text);
			l->text = NULL;
			l->cap = 1;
			return;
		}
		l->text = grown;
		l->cap = cap;
	}
	memcpy(l->text + l->len, s, n);
	l->len += n;
}

static void put_escaped(struct line *l, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
		if (*p <= ' ' || *p >= 0x7f || *p == '%') {
			char hex[4];
			snprintf(hex, sizeof(hex), "%%%02X", *p);
			put_raw(l, hex, 3);
		} else {
			put_raw(l, (const char *)p, 1);
		}
	}
}

static void put_field(struct line *l, const char *name, const char *value)
{
	put_raw(l, " ", 1);
	put_raw(l, name, strlen(name));
	put_raw(l, "=", 1);
	put_escaped(l, value);
}

static void put_list(struct line *l, const char *name, const struct string_list *list)
{
	if (list->len == 0)
		return;
	put_raw(l, " ", 1);
	put_raw(l, name, strlen(name));
	put_raw(l, "=", 1);
	for (size_t i = 0; i < list->len; ++i) {
		if (i)
			put_raw(l, ",", 1);
		put_escaped(l, list->items[i]);
	}
}

static void put_flag(struct line *l, int value, const char *yes, const char *no)
{
	if (value == 1)
		put_field(l, yes, "1");
	else if (value == 0 && no != NULL)
		put_field(l, no, "1");
}

static void format_id(char *buf, size_t len, spank_t sp, spank_item_t item, const char *fallback_env)
{
	uint32_t id;
	if (spank_get_item(sp, item, &id) == ESPANK_SUCCESS) {
		if (item == S_JOB_STEPID && id == STUB_STEP_BATCH)
			snprintf(buf, len, "batch");
		else if (item == S_JOB_STEPID && id == STUB_STEP_EXTERN)
			snprintf(buf, len, "extern");
		else if (item == S_JOB_STEPID && id == STUB_STEP_INTERACTIVE)
			snprintf(buf, len, "interactive");
		else
			snprintf(buf, len, "%u", id);
		return;
	}
	const char *env = fallback_env ? getenv(fallback_env) : NULL;
	snprintf(buf, len, "%s", env && *env ? env : "-");
}

static void record(spank_t sp, const char *context_name)
{
	char job[32] = "-", step[32] = "-";
	if (spank_context() != S_CTX_ALLOCATOR) {
		format_id(job, sizeof(job), sp, S_JOB_ID, "SLURM_JOB_ID");
		format_id(step, sizeof(step), sp, S_JOB_STEPID, "SLURM_STEP_ID");
	}
	struct line l = {0};
	put_raw(&l, "pyxis-stub context=", 19);
	put_raw(&l, context_name, strlen(context_name));
	put_field(&l, "job", job);
	put_field(&l, "step", step);
	if (args.image)
		put_field(&l, "container-image", args.image);
	put_list(&l, "container-mounts", &args.mounts);
	if (args.workdir)
		put_field(&l, "container-workdir", args.workdir);
	if (args.name)
		put_field(&l, "container-name", args.name);
	if (args.save)
		put_field(&l, "container-save", args.save);
	put_flag(&l, args.mount_home, "container-mount-home", "no-container-mount-home");
	put_flag(&l, args.remap_root, "container-remap-root", "no-container-remap-root");
	put_flag(&l, args.entrypoint, "container-entrypoint", "no-container-entrypoint");
	put_flag(&l, args.entrypoint_log, "container-entrypoint-log", NULL);
	put_flag(&l, args.writable, "container-writable", "container-readonly");
	put_list(&l, "container-env", &args.env);
	if (args.unshare_net == 1 || args.unshare_ipc == 1 || args.unshare_uts == 1) {
		struct string_list ns = {0};
		if (args.unshare_net == 1)
			list_add_unique(&ns, "net");
		if (args.unshare_ipc == 1)
			list_add_unique(&ns, "ipc");
		if (args.unshare_uts == 1)
			list_add_unique(&ns, "uts");
		put_list(&l, "container-unshare", &ns);
		list_free(&ns);
	}
	put_raw(&l, "\n", 1);
	if (l.text == NULL) {
		slurm_error("pyxis: could not allocate memory");
		return;
	}

	char path[sizeof(config.record_dir) + sizeof(STUB_LOG_NAME) + 1];
	snprintf(path, sizeof(path), "%s/%s", config.record_dir, STUB_LOG_NAME);
	/* One write() per line on an O_APPEND file: concurrent steps do not interleave. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0 || write(fd, l.text, l.len) != (ssize_t)l.len)
		slurm_error("pyxis: stub: cannot record to %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	free(l.text);
}

int slurm_spank_init_post_opt(spank_t sp, int ac, char **av)
{
	(void)ac;
	(void)av;
	if (!config.registered)
		return 0;
	apply_environment_defaults(sp);
	switch (spank_context()) {
	case S_CTX_ALLOCATOR:
		warn_ignored();
		record(sp, "allocator");
		break;
	case S_CTX_LOCAL:
		warn_ignored(); /* recorded in local_user_init, once the step has an id */
		break;
	case S_CTX_REMOTE:
		record(sp, "remote");
		break;
	default:
		break;
	}
	return 0;
}

int slurm_spank_local_user_init(spank_t sp, int ac, char **av)
{
	(void)ac;
	(void)av;
	if (config.registered)
		record(sp, "local");
	return 0;
}

int slurm_spank_exit(spank_t sp, int ac, char **av)
{
	(void)sp;
	(void)ac;
	(void)av;
	free(args.image);
	free(args.workdir);
	free(args.name);
	free(args.save);
	args.image = args.workdir = args.name = args.save = NULL;
	list_free(&args.mounts);
	list_free(&args.env);
	return 0;
}
