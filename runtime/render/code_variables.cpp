#include "runtime/render/code_variables.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace slurmglue::render {

// Slurm's commands read these as their own options (srun takes --container
// from SLURM_CONTAINER, --export from SLURM_EXPORT_ENV, a SPANK plugin's
// options from SLURM_SPANK_*), past every check the same option gets on a
// command line.
bool is_slurm_input_variable(std::string_view n) {
  for (std::string_view p : {"SLURM_", "SBATCH_", "SRUN_", "SALLOC_", "SPANK_"})
    if (n.rfind(p, 0) == 0) return true;
  return false;
}

namespace {
// The names is_code_variable holds exactly (bash's own, and programs' best known).
constexpr std::string_view kNames[] = {
    "TMPDIR", "TEMP", "TMP", "TEMPDIR", "PS0", "PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "BASH_ENV", "ENV", "BASH_XTRACEFD", "SHELLOPTS",
    "BASHOPTS", "PAGER", "EDITOR", "VISUAL", "BROWSER", "PATH", "IFS", "CDPATH", "GLOBIGNORE", "HOME",
    "SHELL", "TMOUT", "MANPAGER", "GIT_PAGER", "LESSOPEN", "LESSCLOSE", "SSH_ASKPASS", "SUDO_ASKPASS",
    "GCONV_PATH", "LOCPATH", "NLSPATH", "HOSTALIASES", "RESOLV_HOST_CONF", "MAILPATH", "INPUTRC",
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "ZDOTDIR", "HISTFILE", "TERMINFO", "R_PROFILE", "R_PROFILE_USER",
    "R_ENVIRON", "R_ENVIRON_USER", "R_LIBS", "R_LIBS_USER", "MODULEPATH", "LMOD_RC", "CONDARC", "MPLCONFIGDIR",
    "PIP_CONFIG_FILE", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "DOCKER_HOST", "KUBECONFIG", "TCLLIBPATH",
    "OPENSSL_CONF", "OPENSSL_ENGINES", "CUDA_INJECTION64_PATH", "ENROOT_CONFIG_PATH", "DYNINSTAPI_RT_LIB", "MALLOC_CONF",
    // Build and archive tools run these as commands or pass them to a shell.
    "CC", "CXX", "CPP", "LD", "AR", "AS", "NM", "FC", "F77", "F90", "MPICC", "MPICXX", "NVCC", "CUDACXX",
    "CFLAGS", "CXXFLAGS", "CPPFLAGS", "LDFLAGS", "LDLIBS", "FFLAGS", "FCFLAGS", "NVCCFLAGS", "MAKE", "MFLAGS",
    "GNUMAKEFLAGS", "MAKEFILES", "SHELLCHECK_OPTS", "TAR_OPTIONS", "RSYNC_RSH", "RSYNC_CONNECT_PROG",
    "RSYNC_PROXY", "CVS_RSH", "PARALLEL", "PARALLEL_SHELL", "BASH_LOADABLES_PATH", "BASH_COMPAT", "POSIXLY_CORRECT",
    "EXECIGNORE", "FIGNORE", "PROMPT_DIRTRIM", "SUDO_EDITOR", "FCEDIT", "TERMCAP", "LESS", "LESSEDIT",
    "CMAKE_C_COMPILER_LAUNCHER", "CMAKE_CXX_COMPILER_LAUNCHER", "CCACHE_PREFIX", "DISTCC_HOSTS", "ZSTD_CLEVEL",
    "GZIP", "BZIP2", "XZ_OPT", "XZ_DEFAULTS", "ZIPOPT", "UNZIP", "WGETRC",
    // Options programs take from their environment and split into words
    // (unzip -d DIR from UNZIPOPT, man's MANOPT, grep's, more's, bzip2's).
    "UNZIPOPT", "ZIPINFO", "ZIPINFOOPT", "MANOPT", "GREP_OPTIONS", "PGOPTIONS", "MORE", "BZIP", "CURL_HOME", "SSL_CERT_FILE",
    "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "HTTP_PROXY", "HTTPS_PROXY",
    // (The certificates other clients trust: aws, gRPC, httplib2, websocket, Nix, Deno; attack 201.)
    "AWS_CA_BUNDLE", "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", "HTTPLIB2_CA_CERTS", "WEBSOCKET_CLIENT_CA_BUNDLE",
    "NIX_SSL_CERT_FILE", "DENO_CERT",
    // (Keras 2's multi-backend imports a module of this name; attack 205.)
    "KERAS_BACKEND",
    "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy", "GLIBC_TUNABLES",
    "XDG_CACHE_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "IPYTHONDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_PATH",
    "MATLABPATH", "DOCKER_CONFIG", "CUDA_HOME", "CUDA_PATH", "MPI_HOME",
    // The other compilers, flags and binutils build systems read (cmake's
    // HIPCXX and CUDAFLAGS, autotools' RANLIB), MKL's root, and where TLS
    // keys are written.
    "HIPCXX", "HIPFLAGS", "OBJC", "OBJCXX", "OBJCFLAGS", "OBJCXXFLAGS", "CUDAFLAGS", "ISPC", "ISPCFLAGS", "SWIFTC",
    "RC", "RCFLAGS", "RANLIB", "STRIP", "OBJCOPY", "OBJDUMP", "READELF", "YACC", "LEX", "MKLROOT", "SSLKEYLOGFILE",
    "LANG", "LANGUAGE",
    // The directories cd resolves against (cd - goes to OLDPWD, cd .. is
    // computed from PWD), $0 (BASH_ARGV0: dirname "$0"/lib.sh), where
    // rootless docker and podman find their daemon's socket, and the
    // resolver's search domains (which host a short name reaches).
    "PWD", "OLDPWD", "BASH_ARGV0", "XDG_RUNTIME_DIR", "LOCALDOMAIN", "RES_OPTIONS"};
}  // namespace

// Variables whose value bash, the dynamic loader or a common program runs or
// loads as code, or that choose which program runs.
bool is_code_variable_in_any_case(std::string_view n) {
  std::string upper(n), lower(n);
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return is_code_variable(n) || is_code_variable(upper) || is_code_variable(lower);
}

std::optional<ElementRole> environment_file_role(std::string_view n) {
  for (std::string_view mounts : {"APPTAINER_BIND", "APPTAINER_BINDPATH", "SINGULARITY_BIND", "SINGULARITY_BINDPATH"})
    if (n == mounts) return ElementRole::Mount;
  // (Files a library writes its debug log or dump to; a value there
  // names a path, as a file the job writes.)
  for (std::string_view written : {"_DEBUG_FILE", "_DUMP_FILE", "_DEBUG_INFO_TEMP_FILE"})
    if (n.size() > written.size() && n.ends_with(written)) return ElementRole::Path;
  return std::nullopt;
}

bool is_code_variable(std::string_view n) {
  if (is_data_variable(n)) return false;  // (GIT_AUTHOR_NAME is a GIT_ name, and free text)
  if (environment_file_role(n)) return false;
  // (SINGULARITYENV_NAME and APPTAINERENV_NAME: apptainer evaluates their
  // values in the container's shell, export NAME="VALUE", unless run with
  // --no-eval: code whatever NAME is, by their prefixes below.)
  static constexpr std::string_view kPrefixes[] = {
      // Version managers' roots and selections: the interpreter their shims
      // run (PYENV_VERSION=../../x runs x/bin/python3); a plain version is a
      // setting (is_switch_variable).
      "PYENV", "RBENV", "NODENV", "GOENV", "JENV", "PLENV", "ASDF_", "NVM_", "SDKMAN_", "VOLTA_", "MISE_", "FNM_",
      "LD_", "DYLD_", "BASH_FUNC_", "GIT_", "PYTHON", "_PYTHON", "GCC_", "PERL", "RUBY", "NODE_", "JAVA_", "_JAVA_",
      "JDK_", "CLASSPATH", "LUA_", "JULIA_", "GEM_", "BUNDLE_", "CONDA_", "UV_", "PIP_", "PIPX_", "POETRY_",
      "OMPI_MCA_", "PMIX_MCA_", "I_MPI_", "HYDRA_", "UCX_", "SINGULARITY_", "APPTAINER_", "SINGULARITYENV_",
      "APPTAINERENV_", "MAKEFLAGS", "OMP_TOOL", "ENROOT_", "PYXIS_", "TORCH", "HF_", "TRANSFORMERS_",
      // Where the agent sends its credentials, and which servers it trusts.
      "CLEARML_CONFIG_FILE", "CLEARML_API_", "CLEARML_WEB_", "CLEARML_FILES_", "TRAINS_",
      // Compilers' extra options and host compilers, launch agents, module
      // systems, JIT caches, frameworks that run programs from a home.
      "NVCC_", "CUDAHOSTCXX", "CMAKE_", "PRTE_MCA_", "PMIX_", "LMOD_", "TRITON_", "NUMBA_", "CUPY_", "DS_ENV_FILE",
      "SPARK_", "HADOOP_", "XLA_FLAGS", "LIBTPU_INIT_ARGS", "MPLBACKEND", "PDSH_", "ACCELERATE_", "SSH_",
      "CONTAINER_HOST",
      "LIBRARY_PATH", "CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "COMPILER_PATH", "GCC_EXEC_PREFIX",
      // Where tracking and storage clients send the job's keys, and files of
      // credentials whose entries run commands (credential_process).
      "WANDB_BASE_URL", "MLFLOW_TRACKING_", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ENDPOINT_URL",
      "AWS_PROFILE", "AWS_DEFAULT_PROFILE",  // (the credentials aws signs with: the account it acts as)
      "NETRC", "OPENSSL_", "VIRTUAL_ENV", "TF_XLA_FLAGS", "GOOGLE_APPLICATION_CREDENTIALS", "BOTO_CONFIG",
      // Configuration and pickled data that programs load from these.
      "MAMBARC", "NLTK_DATA", "KERAS_HOME", "GNUPGHOME", "WORKON_HOME",
      // Tcl (Environment Modules' module command runs under tclsh), Kerberos
      // plugins, and start-up files of editors, mailers and clients that run commands.
      "TCL_LIBRARY", "TK_LIBRARY", "MODULE", "KRB5", "PSQLRC", "PGSERVICEFILE", "PGSYSCONFDIR", "VIMINIT",
      "EXINIT", "MYVIMRC", "VIMRUNTIME", "MAILRC", "SCREENRC", "MYSQL_HOME", "NCCL_NET", "NCCL_TUNER",
      "NCCL_PROFILER", "SQLITE_HISTORY", "GDBHISTFILE", "GDB", "EMACSLOADPATH",
      // Package managers' and toolchains' roots, where they load programs from.
      "MAMBA", "MICROMAMBA", "ROCM", "HIP_", "GOROOT", "GOPATH", "GOFLAGS", "CARGO_", "RUSTUP_", "DEEPSPEED_", "OCTAVE",
      "MAVEN_", "GRADLE_",
      // pytest's extra options (-p loads a plugin), setuptools' link command,
      // pkg-config's files (their flags reach the compiler: -fplugin, -B).
      "PYTEST_", "LDSHARED", "PKG_CONFIG",
      // Open MPI's install prefix, the agent's own settings, MPICH's remote shell.
      "OPAL_", "CLEARML_AGENT", "MPIEXEC_", "MPICH_", "HYDRA_",
      // Drivers, layers and injected libraries that graphics, compute and
      // profiling loaders open (NVTX and CUDA injection, OpenCL and Vulkan
      // ICDs, EGL/GLX vendors, VA-API, GStreamer, Qt, GTK, GIO, GDAL,
      // ImageMagick's delegates, rustc wrappers).
      "NVTX_", "OCL_ICD", "VK_", "__EGL_", "__GLX_", "GBM_", "LIBGL_", "LIBVA_", "VDPAU_", "GST_", "QT_", "GTK_",
      "GIO_", "GDAL_", "MAGICK_", "RUSTC", "RUSTDOC", "HSA_TOOLS", "ROCP_", "SASL_PATH",
      // less's key files (their #env section sets LESSOPEN), bash's message
      // catalogues ($"..." expands the translation), Mercurial's and SCons'
      // configuration and options.
      "LESSKEY", "TEXTDOMAIN", "HGRCPATH", "SCONSFLAGS", "SCONS_",
      // cmake's assembler dialects, ccache (its configuration sets a prefix
      // command), spack, nextflow's JVM options, scikit-build's cmake
      // arguments, dask's and snakemake's configuration (preloads, profiles),
      // coverage's start-up configuration.
      "ASM", "CCACHE_", "SPACK_", "NXF_", "SKBUILD_", "DASK_", "SNAKEMAKE_", "COVERAGE_",
      // The Python that Spark runs and the arguments it splits; JVM options
      // that launcher scripts split into words (-javaagent: loads code).
      "PYSPARK_", "SBT_OPTS", "ANT_OPTS", "ANT_ARGS", "CATALINA_", "KAFKA_OPTS", "JRUBY_OPTS", "HIVE_OPTS",
      "JVM_OPTS", "SCALA_OPTS", "ZEPPELIN_",
      // Files and directories of code or of settings that run commands:
      // verbs drivers (libraries), GDK's loader list, ESMF's makefile
      // fragment, s3cmd's and rclone's configuration (gpg_command, a
      // password command; rclone reads every RCLONE_* as an option), PHP's
      // ini files (auto_prepend_file), gcloud's properties and directory,
      // CUDA's JIT cache (compiled kernels it loads), EasyBuild's options
      // and easyconfigs (Python), the message bus and MPS server a program
      // connects to.
      "RDMAV_", "IBV_", "GDK_PIXBUF_", "ESMFMKFILE", "S3CMD_", "RCLONE_", "PHPRC", "PHP_INI_", "CLOUDSDK_",
      "CUDA_CACHE_", "EASYBUILD_", "DBUS_", "CUDA_MPS_",
      // autoconf's site files (configure sources them), gawk's and m4's
      // search paths and gawk's extensions, gvim's start-up commands, the
      // older names of the Hugging Face caches (model code and pickles load
      // from there), Airflow's configuration and its AIRFLOW__SECTION__KEY
      // settings (dags folders), MLflow's other servers, the terminfo
      // databases searched, wandb's settings directory. (MASTER_ADDR and
      // RAY_ADDRESS are not: templates set them from the job's node list.)
      "CONFIG_SITE", "AWKPATH", "AWKLIBPATH", "M4PATH", "GVIMINIT", "HUGGINGFACE_", "PYTORCH_TRANSFORMERS_CACHE",
      "PYTORCH_PRETRAINED_BERT_CACHE", "AIRFLOW", "MLFLOW_REGISTRY_URI", "MLFLOW_ARTIFACT_URI", "TERMINFO",
      "WANDB_CONFIG_DIR",
      // The shell configure re-runs itself with, the java launcher scripts
      // run, log4j's configuration, tar's default archive (HOST:FILE goes
      // through a remote shell), where go fetches modules and toolchains
      // from, and the PostgreSQL server clients send the job's password to.
      "CONFIG_SHELL", "JAVACMD", "LOG4J", "TAPE", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOINSECURE", "GOPRIVATE",
      "GONOPROXY", "GOTOOLCHAIN", "PGHOST", "PGPASSFILE",
      // bash's alias table and command hash (BASH_ALIASES[x]=code,
      // BASH_CMDS[python3]=/bin/prog); the locale bash reads the rest of the
      // template's bytes in (GBK makes a byte swallow a quote) and the
      // catalogues $"..." translates from; rustc's flags (-C linker=) and
      // podman's configuration (hooks).
      "BASH_ALIASES", "BASH_CMDS", "LC_", "RUSTFLAGS", "RUSTDOCFLAGS", "CARGO_ENCODED_RUSTFLAGS",
      "CONTAINERS_", "REGISTRIES_CONFIG_PATH",
      // torchrun takes each of its options' defaults from PET_<OPTION>
      // (PET_NO_PYTHON, PET_MODULE, PET_MASTER_ADDR).
      "PET_"};
  // npm, yarn and pnpm read their settings from the environment whatever
  // the case of the name (npm_config_script_shell is the shell npm runs).
  static constexpr std::string_view kAnyCasePrefixes[] = {"NPM_CONFIG_", "YARN_", "PNPM_", "BUN_CONFIG_"};
  for (auto p : kAnyCasePrefixes)
    if (n.size() >= p.size() && std::equal(p.begin(), p.end(), n.begin(), [](char a, char b) {
          return a == (b >= 'a' && b <= 'z' ? static_cast<char>(b - 'a' + 'A') : b);
        }))
      return true;
  if (is_slurm_input_variable(n)) return true;
  for (auto k : kNames)
    if (n == k) return true;
  for (auto p : kPrefixes)
    if (n.rfind(p, 0) == 0) return true;
  // Names that say what they hold: libraries to preload, plugins, hooks that run.
  for (std::string_view part : {"PRELOAD", "PLUGIN", "_LIBRARIES", "_PROLOG", "_EPILOG", "_COMMAND", "ASKPASS",
                                "_HOOK", "EXPORT_ENV", "SBATCH_EXPORT", "_EDITOR", "_PAGER", "_CACHE_DIR",
                                "_CONFIG_FILE", "_ENV_FILE", "_MODULE_DIR", "_PROVIDER_PATH", "_DEBUG_FILE",
                                "_ENDPOINT", "_BASE_URL", "_TRACKING_URI", "_CREDENTIALS", "RCFILE", "_RC",
                                "_STARTUP", "_SITECONFIG", "_LIBRARY_PATH", "_HOME", "_ROOT_PREFIX", "_RSH",
                                "_INJECTION", "_DRIVER_PATH", "_DRIVERS_PATH", "_LAYER_PATH", "_CONFIGURE_PATH",
                                "_WRAPPER", "_VENDOR_LIBRARY", "_MODULE_PATH", "_FILENAMES", "_LIBRARY", "_CONF_FILE",
                                "_CONFIGPATH", "_CONFIG_PATH", "_DUMP_FILE", "_JAVA_OPTS", "_JVM_OPTS", "_HEAP_OPTS",
                                "_JAVA_OPTIONS", "_SUBMIT_ARGS", "_CONFIG_DIR", "_DRIVERS",
                                // The module a framework imports (DJANGO_SETTINGS_MODULE,
                                // CELERY_CONFIG_MODULE, FLASK_APP) and a server's arguments
                                // (GUNICORN_CMD_ARGS=-c conf.py).
                                "_SETTINGS_MODULE", "_CONFIG_MODULE", "FLASK_APP", "_CMD_ARGS", "_CACHE_PATH",
                                // Servers clients send the job's keys to (COMET_URL_OVERRIDE,
                                // OPENAI_API_BASE, GITHUB_API_URL, LANGFUSE_HOST).
                                "_URL_OVERRIDE", "_API_BASE", "_API_URL", "_API_HOST", "_SERVER_URL", "_BASE_URI",
                                "LANGFUSE_HOST",
                                // The cluster a job joins, whose peers' objects it unpickles
                                // (RAY_ADDRESS=ray://..., TF_CONFIG). (MASTER_ADDR is the
                                // job's own first node, from its node list: a host.)
                                "RAY_ADDRESS", "_COORDINATOR_ADDRESS", "_RENDEZVOUS_ADDR", "TF_CONFIG",
                                // Tunnels and editors svn and hg run; podman's user namespace.
                                "SVN_SSH", "HGEDITOR", "HGRCPATH", "PODMAN_USERNS"})
    if (n.find(part) != std::string_view::npos) return true;
  return false;
}

// Each was checked against its program's documentation: none names a path,
// a module, a program or a server, and none turns on loading code (which
// rules out PYTHONINSPECT, PYTHONBREAKPOINT, the *_TRUST_REMOTE_CODE and
// weights-only switches).
bool is_data_variable(std::string_view n) {
  static constexpr std::string_view kFreeText[] = {
      "WANDB_NAME", "WANDB_NOTES", "WANDB_TAGS", "WANDB_PROJECT", "WANDB_ENTITY", "WANDB_RUN_GROUP",
      "WANDB_JOB_TYPE", "WANDB_RUN_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID", "COMET_PROJECT_NAME",
      "COMET_WORKSPACE", "NEPTUNE_PROJECT",
      // The author and committer git records (a name, an address).
      "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"};
  return std::find(std::begin(kFreeText), std::end(kFreeText), n) != std::end(kFreeText);
}

bool is_options_variable(std::string_view n) {
  static constexpr std::string_view kPrograms[] = {"ZIP", "UNZIP", "GZIP", "BZIP", "BZIP2", "LESS", "MORE",
                                                   "PIGZ", "LZOP", "XZ_DEFAULTS", "ZSTD", "GREP_COLOR"};
  for (std::string_view part : {"OPT", "FLAGS", "ARGS"})
    if (n.find(part) != std::string_view::npos) return true;
  return std::find(std::begin(kPrograms), std::end(kPrograms), n) != std::end(kPrograms);
}

bool is_path_list_variable(std::string_view n) {
  std::string upper(n);
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (std::string_view part : {"PATH", "LIB", "DIRS"})
    if (upper.find(part) != std::string::npos) return true;
  return false;
}

std::optional<ElementRole> setting_role(std::string_view n) {
  // Spark standalone's cores, memory sizes, instance counts and ports
  // (spark-env.sh's documented settings): its scripts add them in
  // arithmetic and pass them unquoted (its _OPTS, _CLASSPATH, _HOME and
  // _CONF_DIR stay code).
  static constexpr std::string_view kQuantities[] = {
      "SPARK_WORKER_CORES", "SPARK_WORKER_MEMORY", "SPARK_WORKER_INSTANCES", "SPARK_WORKER_PORT",
      "SPARK_WORKER_WEBUI_PORT", "SPARK_MASTER_PORT", "SPARK_MASTER_WEBUI_PORT", "SPARK_EXECUTOR_CORES",
      "SPARK_EXECUTOR_MEMORY", "SPARK_EXECUTOR_INSTANCES", "SPARK_DRIVER_MEMORY", "SPARK_DAEMON_MEMORY"};
  if (std::find(std::begin(kQuantities), std::end(kQuantities), n) != std::end(kQuantities)) return ElementRole::Quantity;
  if (is_switch_variable(n)) return ElementRole::Setting;
  return std::nullopt;
}

bool is_forwarded_by_deepspeed(std::string_view n) {
  for (std::string_view p : {"NCCL", "PYTHON", "MV2", "UCX", "MLFLOW"})
    if (n.rfind(p, 0) == 0) return true;
  return false;
}

bool is_switch_variable(std::string_view n) {
  static constexpr std::string_view kSwitches[] = {
      "PYTHONUNBUFFERED", "PYTHONHASHSEED", "PYTHONFAULTHANDLER", "PYTHONDONTWRITEBYTECODE", "PYTHONNOUSERSITE",
      "PYTHONOPTIMIZE", "PYTHONUTF8", "PYTHONDEVMODE", "PYTHONTRACEMALLOC", "PYTHONSAFEPATH",
      "PYTHONINTMAXSTRDIGITS", "PYTHONIOENCODING", "TF_ENABLE_ONEDNN_OPTS",
      "HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_ENABLE_HF_TRANSFER",
      "HF_HUB_DISABLE_PROGRESS_BARS", "HF_HUB_DISABLE_TELEMETRY", "HF_HUB_DISABLE_SYMLINKS_WARNING",
      "HF_HUB_ETAG_TIMEOUT", "HF_HUB_DOWNLOAD_TIMEOUT", "HF_HUB_VERBOSITY", "TRANSFORMERS_VERBOSITY",
      "TRANSFORMERS_NO_ADVISORY_WARNINGS", "HF_DATASETS_IN_MEMORY_MAX_SIZE",
      "TORCH_DISTRIBUTED_DEBUG", "TORCH_NCCL_ASYNC_ERROR_HANDLING", "TORCH_NCCL_BLOCKING_WAIT",
      "TORCH_NCCL_ENABLE_MONITORING", "TORCH_NCCL_HEARTBEAT_TIMEOUT_SEC", "TORCH_NCCL_TRACE_BUFFER_SIZE",
      "TORCH_NCCL_AVOID_RECORD_STREAMS", "TORCH_NCCL_HIGH_PRIORITY", "TORCH_SHOW_CPP_STACKTRACES",
      "TORCH_CPP_LOG_LEVEL", "TORCH_USE_CUDA_DSA", "TORCH_CUDA_ARCH_LIST", "TORCHINDUCTOR_MAX_AUTOTUNE",
      "TORCHINDUCTOR_COMPILE_THREADS", "TORCHDYNAMO_VERBOSE", "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE",
      "HYDRA_FULL_ERROR", "I_MPI_DEBUG", "I_MPI_PIN", "NUMBA_NUM_THREADS", "NUMBA_DISABLE_JIT",
      "ACCELERATE_DEBUG_MODE", "ACCELERATE_MIXED_PRECISION",
      // A built-in backend's name (Agg); module://NAME, which imports NAME, has ':' and '/'.
      "MPLBACKEND"};
  if (std::find(std::begin(kSwitches), std::end(kSwitches), n) != std::end(kSwitches)) return true;
  // A version manager's selection: PYENV_VERSION=3.11.7, ASDF_PYTHON_VERSION=3.12.
  const auto ends_version = n.size() > 8 && n.substr(n.size() - 8) == "_VERSION";
  for (std::string_view manager : {"PYENV_", "RBENV_", "NODENV_", "GOENV_", "JENV_", "PLENV_", "ASDF_", "MISE_"})
    if (ends_version && n.rfind(manager, 0) == 0) return true;
  return false;
}

bool is_environment_only_variable(std::string_view n) {
  if (!is_code_variable(n) || is_slurm_input_variable(n)) return false;
  // (Programs read TEMP, TMP and TEMPDIR from their environment; bash
  // reads none of them, its here-documents go to TMPDIR. fr40/01: TEMP=300.)
  if (std::find(std::begin(kNames), std::end(kNames), n) != std::end(kNames) && n != "TEMP" && n != "TMP" &&
      n != "TEMPDIR")
    return false;
  // bash reads these itself (BASH_ALIASES, BASH_CMDS, the locale, the
  // catalogues of $"...", here-documents' directory); the loader's and the
  // start-up functions' are in any environment that has them.
  for (std::string_view p : {"BASH", "LC_", "TEXTDOMAIN", "LD_", "DYLD_", "NPM_CONFIG_", "YARN_", "PNPM_", "BUN_CONFIG_"})
    if (n.rfind(p, 0) == 0) return false;
  // What a job's environment often holds already (from the submitting
  // shell, modules, conda or a virtual environment): there an assignment
  // changes what programs see, exported or not.
  static constexpr std::string_view kInherited[] = {
      "TMPDIR", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "PYTHONEXECUTABLE", "PYTHONWARNINGS",
      "CONDA_PREFIX", "CONDA_EXE", "CONDA_PYTHON_EXE", "CONDA_DEFAULT_ENV", "CONDA_SHLVL", "CONDA_ENVS_PATH",
      "CONDA_ENVS_DIRS", "CONDA_PKGS_DIRS", "CONDA_PROMPT_MODIFIER", "VIRTUAL_ENV", "JAVA_HOME", "JAVA_TOOL_OPTIONS",
      "_JAVA_OPTIONS", "NODE_OPTIONS", "NODE_PATH", "MODULESHOME", "MODULES_CMD", "LMOD_CMD", "LMOD_DIR",
      "GIT_SSH_COMMAND", "GIT_SSH", "GIT_ASKPASS", "GIT_EXEC_PATH", "GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG_GLOBAL",
      "GIT_CONFIG_SYSTEM", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_EDITOR", "GIT_PAGER",
      "GIT_PROXY_COMMAND", "GIT_TEMPLATE_DIR", "SSH_AUTH_SOCK", "HF_HOME", "TORCH_HOME", "TRANSFORMERS_CACHE",
      "HF_DATASETS_CACHE", "HF_HUB_CACHE", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "UV_INDEX_URL", "CLEARML_CONFIG_FILE",
      "PERL5LIB", "PERLLIB", "PERL5OPT", "RUBYLIB", "RUBYOPT", "GEM_HOME", "GEM_PATH", "JULIA_LOAD_PATH",
      "JULIA_DEPOT_PATH"};
  return std::find(std::begin(kInherited), std::end(kInherited), n) == std::end(kInherited);
}

bool names_credential_server(std::string_view name) {
  // (Not a package index, PIP_INDEX_URL: what pip installs from it runs.)
  if (!is_code_variable(name) || is_slurm_input_variable(name)) return false;
  for (std::string_view n : {"HF_ENDPOINT", "CLEARML_API_HOST", "CLEARML_WEB_HOST", "CLEARML_FILES_HOST", "LANGFUSE_HOST"})
    if (name == n) return true;
  for (std::string_view end : {"_BASE_URL", "_TRACKING_URI", "_REGISTRY_URI", "_URL_OVERRIDE", "_API_BASE", "_API_URL",
                               "_API_HOST", "_SERVER_URL", "_BASE_URI"})
    if (name.size() > end.size() && name.ends_with(end)) return true;
  return name.starts_with("AWS_ENDPOINT_URL");
}

std::string_view credential_server_in(std::string_view reason) {
  const auto name = reason.substr(0, reason.find(' '));
  return names_credential_server(name) ? name : std::string_view();
}

}  // namespace slurmglue::render
