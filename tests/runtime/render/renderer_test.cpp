// The Renderer as compiled from small templates: values, defaults, errors,
// typed positions, word lists, code slots, and sharing across threads.
#include "runtime/render/renderer.hpp"

#include <thread>

#include <gtest/gtest.h>

#include "compiler/compile.hpp"
#include "runtime/render/code_slots.hpp"

namespace sg = slurmglue;

namespace {

struct Result {
  bool ok = false;
  std::string script;
  std::vector<sg::render::RenderError> errors;
  std::string first_error() const { return errors.empty() ? "" : errors.front().message; }
};

std::shared_ptr<const sg::render::Renderer> compile(const std::string& text, bool srun_delegation = false) {
  sg::compiler::Source source("t.tpl", text);
  sg::compiler::CompileOptions options;
  options.srun_delegation = srun_delegation;
  auto c = sg::compiler::compile(source, options);
  EXPECT_NE(c.renderer, nullptr) << (c.diagnostics.empty() ? "" : c.diagnostics.front().message);
  return c.renderer;
}

Result render(const std::string& text, const nlohmann::json& task, bool srun_delegation = false) {
  Result r;
  auto renderer = compile(text, srun_delegation);
  if (!renderer) return r;
  sg::render::Values v;
  v.task = task;
  sg::render::CodeSlotInput slots;
  slots.task_id = task.value("id", "");
  slots.worker_id = "glue";
  slots.srun_delegation = srun_delegation;
  sg::render::fill_code_slots(slots, v);
  r.ok = renderer->render(v, r.script, r.errors);
  return r;
}

const std::string kHead = "#!/bin/bash\n";

TEST(Renderer, AConfigValueWithAPasswordInItsUrlIsRefused) {
  const std::string t = kHead + "pip install --extra-index-url \"${CLEARML_CONFIG.agent.index:https://pypi.org/simple}\" x\n";
  sg::render::Values v;
  v.config = {{"agent", {{"index", "https://glue:s3cr3t@pypi.example.com/simple"}}}};
  std::string script;
  std::vector<sg::render::RenderError> errors;
  EXPECT_FALSE(compile(t)->render(v, script, errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().message.find("holds a secret"), std::string::npos) << errors.front().message;
  EXPECT_EQ(script.find("s3cr3t"), std::string::npos);
  v.config = {{"agent", {{"index", "https://pypi.example.com/simple"}}}};
  errors.clear();
  EXPECT_TRUE(compile(t)->render(v, script, errors));
}

TEST(Renderer, DefaultsApplyToMissingAndEmptyValues) {
  auto r = render(kHead + "#SBATCH --nodes=${CLEARML_TASK.hyperparams.properties.num_nodes.value:1}\n",
                  {{"hyperparams", {{"properties", {{"num_nodes", {{"value", ""}}}}}}}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "#SBATCH --nodes=1\n");
  r = render(kHead + "#SBATCH --time=${CLEARML_TASK.x:01:00:00}\n", nlohmann::json::object());
  EXPECT_EQ(r.script, kHead + "#SBATCH --time=01:00:00\n");
  // Emptiness is judged after filters and line-break removal.
  const std::string run = kHead + "python3 clean.py --dir=/scratch/runs/${CLEARML_TASK.name:default|strip}\n";
  for (const char* emptied : {"   ", "\n", "\r\n", " \t "}) {
    r = render(run, {{"name", emptied}});
    ASSERT_TRUE(r.ok) << r.first_error();
    EXPECT_EQ(r.script, kHead + "python3 clean.py --dir=/scratch/runs/default\n") << emptied;
  }
  r = render(kHead + "echo ${CLEARML_TASK.name:x}\n", {{"name", "\n"}});
  EXPECT_EQ(r.script, kHead + "echo x\n");
}

TEST(Renderer, MissingValueIsAnErrorNamingThePlaceholderAndLine) {
  auto r = render(kHead + "\necho ${CLEARML_TASK.hyperparams.Args.lr.value}\n", nlohmann::json::object());
  ASSERT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[0].column, 6u);
  EXPECT_EQ(r.errors[0].placeholder, "${CLEARML_TASK.hyperparams.Args.lr.value}");
  EXPECT_NE(r.first_error().find("no field TASK.hyperparams.Args.lr.value"), std::string::npos) << r.first_error();
}

TEST(Renderer, ObjectsAreNotText) {
  auto r = render(kHead + "echo ${CLEARML_TASK.container}\n", {{"container", {{"image", "x"}}}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("is an object"), std::string::npos);
}

TEST(Renderer, TypedDirectiveValuesAreChecked) {
  auto r = render(kHead + "#SBATCH --nodes=${CLEARML_TASK.n}\n#SBATCH --time ${CLEARML_TASK.t}\n",
                  {{"n", "two"}, {"t", "1h"}});
  ASSERT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].message.find("--nodes 'two' is not a node count"), std::string::npos) << r.errors[0].message;
  EXPECT_NE(r.errors[1].message.find("--time '1h' is not a time limit"), std::string::npos) << r.errors[1].message;
  r = render(kHead + "#SBATCH --container-image=${CLEARML_TASK.container.image}\n",
             {{"container", {{"image", "Ubuntu; rm -rf /"}}}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("is not a container image"), std::string::npos);
  // A value refused by its own rule gets that one message, not a second
  // about what sbatch would read of it (fr hunt 88: "--container-name ''").
  r = render(kHead + "#SBATCH --container-name=${CLEARML_TASK.name}\n", {{"name", "John's resnet50 run"}});
  ASSERT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u) << r.errors.back().message;
  EXPECT_EQ(r.errors[0].message.find("is not a container name"), std::string::npos) << r.errors[0].message;
}

TEST(Renderer, TypedShellWordsAreCheckedToo) {
  const std::string tpl = kHead + "srun --container-image=\"${CLEARML_TASK.container.image}\" true\n";
  EXPECT_TRUE(render(tpl, {{"container", {{"image", "docker://ubuntu:22.04"}}}}).ok);
  auto r = render(tpl, {{"container", {{"image", "not an image"}}}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("is not a container image"), std::string::npos);
}

// |number types a value: where a string is parsed again as code (a file
// the script sources, bash -c) a number stands as it is; anything else is
// an error naming the value.
TEST(Renderer, NumbersStandWhereCodeIsParsedAgain) {
  const std::string tpl = kHead + "cat > env.sh <<EOF\nLR=${CLEARML_TASK.lr:0.1|strip|number}\nEOF\nsource env.sh\n"
                                  "bash -c \"python3 t.py --lr ${CLEARML_TASK.lr:0.1|strip|number}\"\n";
  auto r = render(tpl, {{"lr", " 3e-4"}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_NE(r.script.find("LR=3e-4\n"), std::string::npos) << r.script;
  EXPECT_NE(r.script.find("--lr 3e-4\""), std::string::npos) << r.script;
  r = render(tpl, {{"lr", "0.1; touch PWNED"}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("'0.1; touch PWNED' is not a number"), std::string::npos) << r.first_error();
  EXPECT_TRUE(render(tpl, {{"id", "t1"}}).ok) << "the default is a number";
}

TEST(Renderer, AValueCannotBecomeAnOption) {
  // --exclusive takes its value only with '=': a separate word is read as its own option or argument.
  auto r = render(kHead + "#SBATCH --comment=x ${CLEARML_TASK.name}\n", {{"name", "--hold"}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("changes how sbatch reads this #SBATCH line"), std::string::npos) << r.first_error();
  r = render(kHead + "#SBATCH --comment ${CLEARML_TASK.name}\n", {{"name", "--hold"}});
  EXPECT_TRUE(r.ok) << "a required argument takes the next word, whatever it is";
  r = render(kHead + "#SBATCH --comment ${CLEARML_TASK.name}\n", {{"name", ""}});
  EXPECT_FALSE(r.ok) << "an empty quoted word would end the line";
}

TEST(Renderer, WordsFilterSplitsAScriptsArguments) {
  const std::string tpl = kHead + "python3 train.py ${CLEARML_TASK.hyperparams.Args.extra.value:--fp16|words}\n";
  const auto task = [](const char* extra) {
    return nlohmann::json{{"hyperparams", {{"Args", {{"extra", {{"value", extra}}}}}}}};
  };
  auto r = render(tpl, task("--lr 0.1 --name 'my run'"));
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=($'--lr' $'0.1' $'--name' $'my run')\n"
                              "python3 train.py \"${__slurmglue_1[@]}\"\n");
  r = render(tpl, task("--lr 0.1 --fp16"));
  EXPECT_EQ(r.script, kHead + "python3 train.py --lr 0.1 --fp16\n");
  r = render(tpl, nlohmann::json::object());
  EXPECT_EQ(r.script, kHead + "python3 train.py --fp16\n");
  EXPECT_FALSE(render(tpl, task("--name 'unclosed")).ok);
  EXPECT_FALSE(render(tpl, task("--name a\\")).ok);  // a '\' that escapes nothing
  // Each word is one argument, an empty one too; but no word starts a file
  // of arguments ('@'), a Hydra node ('+', but +KEY=VALUE), a new launch
  // component (':'), or overrides Hydra's own settings.
  r = render(tpl, task("--suffix '' --lr 0.1 +experiment=a ++lr=3 ~x"));
  EXPECT_TRUE(r.ok) << r.first_error();
  for (const char* bad : {"@/home/glue/clearml.conf", "+x", "hydra.job.env_set.LD_PRELOAD=/x.so",
                          "+hydra.callbacks.c._target_=os.system", "model._target_=os.system", "x={a:1}",
                          "hydra.run.dir=/etc", "fit --model=os.system", "--config-dir=/tmp/evil", "-cd /tmp/evil",
                          "--experimental-rerun=x.pickle", "--flagfile=/tmp/flags", "~hydra.run", "db@hydra=x", "x@_global_.hydra.job=y",
                          "fit --config /tmp/evil.yaml", "fit -c=/tmp/evil.yaml"})
    EXPECT_FALSE(render(tpl, task(bad)).ok) << bad;
  // Dotted names are data unless the list makes the script a LightningCLI.
  EXPECT_TRUE(render(tpl, task("--model vit_base.augreg --run-name baseline.v2 model.name=timm.vit")).ok);
  EXPECT_TRUE(render(tpl, task("--config conf/a.yaml")).ok);  // (an argparse script's own option)
  const std::string srun = kHead + "srun python3 train.py ${CLEARML_TASK.hyperparams.Args.extra.value|words}\n";
  EXPECT_FALSE(render(srun, task("--epochs 3 : --ntasks=1 touch x")).ok);
  const std::string ibrun = kHead + "ibrun python3 train.py ${CLEARML_TASK.hyperparams.Args.extra.value|words}\n";
  EXPECT_FALSE(render(ibrun, task("--lr 0.1 : -np 1 touch x")).ok);
  EXPECT_TRUE(render(srun, task("--epochs 3 --ratio=1:2")).ok);
  // With |number every word is a number.
  const std::string seeds = kHead + "python3 sweep.py ${CLEARML_TASK.hyperparams.Args.extra.value|words|number}\n";
  EXPECT_TRUE(render(seeds, task("1 2 3e-4")).ok);
  EXPECT_FALSE(render(seeds, task("1 -2")).ok);
}

TEST(Renderer, ArgumentListsKeepTheirWords) {
  const std::string tpl = kHead + "srun singularity exec ${CLEARML_TASK.container.arguments} img true\n";
  auto r = render(tpl, {{"container", {{"arguments", "--ipc --env='A=b c'"}}}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=($'--ipc' $'--env=A=b c')\n"
                              "srun singularity exec \"${__slurmglue_1[@]}\" img true\n");
  r = render(tpl, {{"container", {{"arguments", nlohmann::json::array({"--bind=/a", "--nv"})}}}});
  EXPECT_EQ(r.script, kHead + "srun singularity exec --bind=/a --nv img true\n");
  // A word that is not an option could become the command srun runs.
  r = render(tpl, {{"container", {{"arguments", "--ipc=host ; touch x"}}}});
  EXPECT_FALSE(r.ok);
  r = render(tpl, {{"container", {{"arguments", nlohmann::json::array({"--nv", "/a b"})}}}});
  EXPECT_FALSE(r.ok);
  r = render(tpl, {{"container", {{"arguments", "'unclosed"}}}});
  EXPECT_FALSE(r.ok);
  // Each word is an option the runner knows, with its value in the same word
  // or the list's next: "-B" alone would take "img" and make "true" the image.
  EXPECT_FALSE(render(tpl, {{"container", {{"arguments", "-B"}}}}).ok);
  EXPECT_FALSE(render(tpl, {{"container", {{"arguments", "--not-an-option"}}}}).ok);
  EXPECT_TRUE(render(tpl, {{"container", {{"arguments", "-B/a:/b --nv"}}}}).ok);
  // Before srun's command: no option that takes the next word, none that runs a program.
  const std::string srun = kHead + "srun ${CLEARML_TASK.container.arguments} python3 train.py\n";
  for (const char* bad : {"--chdir", "-o", "--prolog=/x", "--export=ALL,BASH_ENV=/x", "-l x", "--task-epilog=/y",
                          // Files of the glue's account, the host's root, variables that load code.
                          "--chdir=/x", "--output=/home/glue/.bashrc", "-e/home/glue/.profile", "--input=/x",
                          "--container-save=/x.sqsh", "--container-mounts=/:/host", "--container-mounts=/d:/d,/etc:/e",
                          "--container-mounts=/data/../..:/h", "--container-env=PATH,BASH_ENV",
                          // An OCI bundle, a container kept by another task, another job's allocation.
                          "--container=/home/glue/bundle", "--container-name=kept:exec", "--jobid=1234",
                          "--container-env=SLURM_CONTAINER", "--container-mount-home", "--container-mounts=/var:/v",
                          // What a placeholder at the same option may not be (46th review): another account,
                          // a node list read from a file, a working directory anywhere, the image.
                          "--uid=root", "--gid=0", "--nodelist=/tmp/nodes", "-w/tmp/nodes", "--exclude=/tmp/x",
                          "--container-workdir=/home/u/.ssh", "--container-workdir=../..",
                          "--container-image=/dev/stdin",
                          // A burst buffer's specification (87th review).
                          "--bbf=/home/glue/.ssh/id_rsa", "--bbf /x", "--bb=capacity=1G"})
    EXPECT_FALSE(render(srun, {{"container", {{"arguments", bad}}}}).ok) << bad;
  for (const char* good : {"-l", "-N2 --exclusive", "--container-mounts=/a:/b,/scratch/x:/x:ro", "--nodelist=node[1-2]",
                           "--container-workdir=work",
                           "--container-env=NCCL_DEBUG", "-J name", "--nodelist node[1-2] -l"})
    EXPECT_TRUE(render(srun, {{"container", {{"arguments", good}}}}).ok) << good;
  // --compress takes its value only in its own word (optional); srun's -W takes one.
  for (const char* good : {"--compress", "--compress=lz4", "--wait 30", "-W 0"})
    EXPECT_TRUE(render(srun, {{"container", {{"arguments", good}}}}).ok) << good;
  for (const char* bad : {"-l -J", "--nodelist /tmp/nodes", "-o /home/glue/.bashrc", "--compress rm", "--wait"})
    EXPECT_FALSE(render(srun, {{"container", {{"arguments", bad}}}}).ok) << bad;
  // Container runners: no program chosen, no code variable, no mount of the host's root or system.
  const std::string docker = kHead + "docker run ${CLEARML_TASK.container.arguments} img python3 train.py\n";
  for (const char* bad : {"--entrypoint=/x", "--env=BASH_ENV=/x", "-eLD_PRELOAD=/x.so", "--env-file=/x",
                          "--volume=/:/host", "-v/etc:/e", "--mount=type=bind,source=/,target=/h", "-v~root:/r",
                          // pflag reads -v=/:/h as -v with /:/h, also at the end of a cluster.
                          "-v=/:/host", "-itv=/:/host", "-v/./etc:/e", "--volume=//root:/r", "-e=BASH_ENV=/x", "-ite=LD_PRELOAD=/x.so",
                          // A host program as the OCI runtime, the host's root user, a port on the node.
                          "--runtime=/tmp/x/runc", "--user=0", "-u0", "-p8888:8888", "--volume=/var:/v",
                          // The local volume driver bind-mounts any host path.
                          "--mount=type=volume,dst=/e,volume-driver=local,volume-opt=type=none,volume-opt=o=bind,"
                          "volume-opt=device=/etc",
                          // Another container's namespaces: its traffic, shared memory, host name.
                          "--network=container:other", "--ipc=container:other", "--uts=container:other",
                          // The working directory, as a placeholder's there.
                          "--workdir=/home/u/.ssh", "-w/tmp"})
    EXPECT_FALSE(render(docker, {{"container", {{"arguments", bad}}}}).ok) << bad;
  for (const char* good : {"--env=NCCL_DEBUG=INFO", "-v/data:/data", "--ipc=host --shm-size=8g", "--volume=cache:/c",
                           "--mount=type=bind,source=/data,target=/d", "--network=host"})
    EXPECT_TRUE(render(docker, {{"container", {{"arguments", good}}}}).ok) << good;
  const std::string apptainer = kHead + "apptainer exec ${CLEARML_TASK.container.arguments} img.sif true\n";
  for (const char* bad : {"--env=BASH_ENV=/x", "--env=A=1,PYTHONPATH=/x", "--env-file=/x", "--bind=/:/host",
                          "-B/root", "--home=/etc", "--bind=/./root:/r", "-B/usr/./lib", "-B=/:/h", "-cB=/etc:/e",
                          // FUSE helpers run on the host; capabilities, seccomp and cgroups; writes on the host.
                          "'--fusemount=host:/tmp/x/fuse.sh /mnt'", "--add-caps=CAP_SYS_ADMIN", "--keep-privs",
                          "--security=seccomp:/tmp/p.json", "--apply-cgroups=/tmp/c.toml", "--pidfile=/home/g/.bashrc",
                          "--writable", "--network-args=portmap=80:80/tcp",
                          // A fakeroot user namespace; nvidia-container-cli run on the host.
                          "--fakeroot", "-f", "--nvccli", "--pwd=/home/u/.ssh", "--overlay=/tmp/evil.img"})
    EXPECT_FALSE(render(apptainer, {{"container", {{"arguments", bad}}}}).ok) << bad;
  EXPECT_TRUE(render(apptainer, {{"container", {{"arguments", "--nv --bind=/data:/data,/scratch --env=OMP_NUM_THREADS=4"}}}}).ok);
  // Other subcommands of the runners check the same options.
  for (const char* line : {"srun apptainer run --nv ${CLEARML_TASK.container.arguments} eval.sif\n",
                           "apptainer test ${CLEARML_TASK.container.arguments} img.sif\n",
                           "apptainer instance start ${CLEARML_TASK.container.arguments} img.sif inst\n",
                           "docker container run --rm ${CLEARML_TASK.container.arguments} img python3 eval.py\n",
                           "docker create ${CLEARML_TASK.container.arguments} img\n"}) {
    const bool oci = std::string(line).find("docker") != std::string::npos;
    EXPECT_FALSE(render(kHead + line, {{"container", {{"arguments", oci ? "-v=/:/host" : "--bind=/:/host"}}}}).ok) << line;
    EXPECT_TRUE(render(kHead + line, {{"container", {{"arguments", oci ? "--ipc=host" : "--nv"}}}}).ok) << line;
  }
  // MCA parameters and the install prefix choose what mpirun starts on every node.
  const std::string mpirun = kHead + "mpirun ${CLEARML_TASK.container.arguments} python3 x.py\n";
  for (const char* bad : {"--prefix=/tmp/x", "--mca=plm_rsh_agent", "-x=LD_PRELOAD=/x.so"})
    EXPECT_FALSE(render(mpirun, {{"container", {{"arguments", bad}}}}).ok) << bad;
  EXPECT_TRUE(render(mpirun, {{"container", {{"arguments", "-np=4 --bind-to=core"}}}}).ok);
  // Open MPI and MPICH read single-dash long options whole (-np 4 is not -n p).
  for (const char* good : {"-np 4", "--np 4", "-npernode 4 -bind-to core -map-by ppr:1:node", "-ppn 2"})
    EXPECT_TRUE(render(mpirun, {{"container", {{"arguments", good}}}}).ok) << good;
  for (const char* bad : {"-genv X 4", "-mca plm_rsh_agent x", "-prefix /tmp/x"})
    EXPECT_FALSE(render(mpirun, {{"container", {{"arguments", bad}}}}).ok) << bad;
  // Options NVIDIA documents for its containers; a switch of a code variable's family.
  for (const char* good : {"--gpus all --ipc=host --ulimit memlock=-1 --ulimit stack=67108864", "--net=host"})
    EXPECT_TRUE(render(docker, {{"container", {{"arguments", good}}}}).ok) << good;
  EXPECT_FALSE(render(docker, {{"container", {{"arguments", "--net container:other"}}}}).ok);
  for (const char* good : {"--nv --no-mount tmp,cwd --unsquash", "--env PYTHONNOUSERSITE=1"})
    EXPECT_TRUE(render(apptainer, {{"container", {{"arguments", good}}}}).ok) << good;
  // --uts and --sif-fuse are switches: the next word would be the image.
  for (const char* bad : {"--env PYTHONNOUSERSITE=/x", "--env PYTHONSTARTUP=1", "--uts /tmp/evil.sif", "--sif-fuse x.sif"})
    EXPECT_FALSE(render(apptainer, {{"container", {{"arguments", bad}}}}).ok) << bad;
  // Before singularity's image (the standard container form): compiles, and checks the same way.
  const std::string sing = kHead + "singularity exec ${CLEARML_TASK.container.arguments} ${CLEARML_TASK.container.image} python3 x.py\n";
  EXPECT_TRUE(render(sing, {{"container", {{"arguments", "--nv --bind=/d:/d"}, {"image", "img.sif"}}}}).ok);
  EXPECT_FALSE(render(sing, {{"container", {{"arguments", "--bind"}, {"image", "img.sif"}}}}).ok);
  // Quoted, the list is one word: a reference, and not an option of echo.
  r = render(kHead + "echo \"${CLEARML_TASK.container.arguments}\"\n", {{"container", {{"arguments", "x -a"}}}});
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'x -a'\necho \"${__slurmglue_1}\"\n");
  EXPECT_FALSE(render(kHead + "ls \"${CLEARML_TASK.container.arguments}\"\n",
                      {{"container", {{"arguments", "-a -b"}}}}).ok);
  EXPECT_FALSE(render(kHead + "echo \"${CLEARML_TASK.container.arguments}\"\n",
                      {{"container", {{"arguments", "-n"}}}}).ok);
}

TEST(Renderer, HereDocumentCannotBeEndedByAValue) {
  const std::string tpl = kHead + "cat <<EOF\n${CLEARML_TASK.name|raw}\nEOF\n";
  EXPECT_TRUE(render(tpl, {{"name", "EOFx"}}).ok);
  auto r = render(tpl, {{"name", "EOF"}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("end the here-document early"), std::string::npos);
  // Any other value is a reference: no line of it reaches the body.
  r = render(tpl, {{"name", "a\nEOF\nid"}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'a\\x0aEOF\\x0aid'\ncat <<EOF\n${__slurmglue_1}\nEOF\n");
}

TEST(Renderer, CodeSlotsAndSrunDelegation) {
  const std::string wrapper = kHead + "srun() { command srun --container-image=x \"$@\"; }\n${CLEARML_POST_SETUP}\necho end\n";
  auto r = render(wrapper, {{"id", "abc"}}, true);
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "srun() { command srun --container-image=x \"$@\"; }\n"
                              "srun clearml-agent execute --full-monitoring --require-queue --id abc\n\necho end\n");
  r = render(kHead + "echo hi", {{"id", "abc"}}, true);
  EXPECT_EQ(r.script, kHead + "echo hi\nsrun clearml-agent execute --full-monitoring --require-queue --id abc\n");
  r = render(kHead + "${CLEARML_PRE_SETUP}\n${CLEARML_AGENT_EXECUTE}\n", {{"id", "a b"}});
  EXPECT_EQ(r.script, kHead + "export CLEARML_WORKER_ID=$'glue:a b'\nexport CLEARML_TASK_ID=$'a b'\n"
                              "clearml-agent execute --full-monitoring --require-queue --id $'a b'\n");
}

// --singularity-mode puts the task's image first in ${CLEARML_AGENT_EXECUTE}:
// only as the operand of singularity/apptainer exec is it not the command.
TEST(Renderer, SingularityImageIsNeverTheCommand) {
  sg::render::Values v;
  v.task = {{"id", "t1"}};
  sg::render::CodeSlotInput slots;
  slots.task_id = "t1";
  slots.singularity_image = "/opt/images/evil";
  sg::render::fill_code_slots(slots, v);
  for (const char* line : {"srun singularity exec ${CLEARML_AGENT_EXECUTE}",
                           "srun apptainer exec --nv --bind /data ${CLEARML_AGENT_EXECUTE}",
                           "singularity exec ${CLEARML_AGENT_EXECUTE} || exit 1"}) {
    std::string script;
    std::vector<sg::render::RenderError> errors;
    EXPECT_TRUE(compile(kHead + line + "\n")->render(v, script, errors)) << line;
    EXPECT_NE(script.find(" /opt/images/evil clearml-agent execute"), std::string::npos) << script;
  }
  for (const char* line : {"${CLEARML_AGENT_EXECUTE}", "srun ${CLEARML_AGENT_EXECUTE}",
                           "srun --container-image=x ${CLEARML_AGENT_EXECUTE}", "timeout 1d ${CLEARML_AGENT_EXECUTE}",
                           "if true; then ${CLEARML_AGENT_EXECUTE}; fi"}) {
    std::string script;
    std::vector<sg::render::RenderError> errors;
    EXPECT_FALSE(compile(kHead + line + "\n")->render(v, script, errors)) << line;
    ASSERT_FALSE(errors.empty()) << line;
    EXPECT_NE(errors.front().message.find("singularity exec"), std::string::npos) << errors.front().message;
  }
  // Without the image the slot is the agent's command, wherever a command stands.
  slots.singularity_image.clear();
  sg::render::fill_code_slots(slots, v);
  std::string script;
  std::vector<sg::render::RenderError> errors;
  EXPECT_TRUE(compile(kHead + "srun ${CLEARML_AGENT_EXECUTE}\n")->render(v, script, errors));
}

TEST(Renderer, EmptyCodeSlotCannotRevealLaterDirectives) {
  auto renderer = compile(kHead + "${CLEARML_POST_SETUP}\n#SBATCH --hold\necho\n");
  ASSERT_NE(renderer, nullptr);
  sg::render::Values v;
  std::string out;
  std::vector<sg::render::RenderError> errors;
  EXPECT_FALSE(renderer->render(v, out, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("different set of #SBATCH directives"), std::string::npos);
}

TEST(Renderer, LiteralPlaceholderOpeningAndShellVariables) {
  auto r = render(kHead + "echo $${CLEARML_X:-x} ${HOME} \"$@\" $CLEARML_Y\n", nlohmann::json::object());
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "echo ${CLEARML_X:-x} ${HOME} \"$@\" $CLEARML_Y\n");
}

TEST(Renderer, OneRendererServesManyThreads) {
  auto renderer = compile(kHead + "#SBATCH --job-name=t_${CLEARML_TASK.id}\necho \"${CLEARML_TASK.name}\"\n");
  ASSERT_NE(renderer, nullptr);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      sg::render::Values v;
      std::string out;
      for (int i = 0; i < 2000; ++i) {
        const std::string id = std::to_string(t * 100000 + i);
        v.task = {{"id", id}, {"name", "n \"" + id + "\""}};
        std::vector<sg::render::RenderError> errors;
        const bool ok = renderer->render(v, out, errors);
        if (!ok || out != kHead + "#SBATCH --job-name=t_" + id + "\n__slurmglue_2=$'n \"" + id +
                               "\"'\necho \"${__slurmglue_2}\"\n")
          ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace

namespace {

// Cases a security review found; each must now be refused or harmless.
TEST(Renderer, ReviewFindings) {
  // A here-document inside $(...) also ends at a line starting with "EOF)".
  const std::string in_subst = kHead + "x=$(cat <<EOF\n${CLEARML_TASK.name|raw}\nEOF\n)\n";
  // Now the value is a reference there: no line of it reaches the body.
  auto subst = render(in_subst, {{"name", "line1\nEOF)\ntouch PWNED\n( : <<EOF"}});
  ASSERT_TRUE(subst.ok) << subst.first_error();
  EXPECT_EQ(subst.script.find("\nEOF)"), std::string::npos);
  EXPECT_FALSE(render(in_subst, {{"name", "EOF"}}).ok);  // a plain word stays literal and is checked
  EXPECT_TRUE(render(kHead + "cat <<EOF\n${CLEARML_TASK.name|raw}\nEOF\n", {{"name", "EOF is a word"}}).ok);
  // #SLURM lines are directives: a value cannot add options there either.
  auto r = render(kHead + "#SLURM --comment=${CLEARML_TASK.name}\necho\n", {{"name", "x --partition=evil"}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "#SLURM --comment=\"x --partition=evil\"\necho\n");
  // A comment value cannot make a new directive line in the #SBATCH block.
  EXPECT_FALSE(render(kHead + "#SBATCH --job-name=x\n#${CLEARML_TASK.name}\necho\n",
                      {{"name", "SLURM --partition=evil"}}).ok);
  // An argument list only splits where whole argument words stand.
  r = render(kHead + "ARGS=${CLEARML_TASK.container.arguments}\n",
             {{"container", {{"arguments", "--ipc=host touch PWNED"}}}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'--ipc=host touch PWNED'\nARGS=\"${__slurmglue_1}\"\n");
  r = render(kHead + "case ${CLEARML_TASK.container.arguments} in *) ;; esac\n",
             {{"container", {{"arguments", "a b"}}}});
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'a b'\ncase \"${__slurmglue_1}\" in *) ;; esac\n");
  // Subscripts and substring offsets are arithmetic: integers only.
  EXPECT_FALSE(render(kHead + "echo ${arr[${CLEARML_TASK.name}]}\n", {{"name", "a[$(id)]"}}).ok);
  EXPECT_TRUE(render(kHead + "echo ${s:${CLEARML_TASK.name}:2}\n", {{"name", "1"}}).ok);
  EXPECT_FALSE(render(kHead + "echo ${s:${CLEARML_TASK.name}:2}\n", {{"name", "x"}}).ok);
  // a[$(...)] is refused wherever it stands: bash runs it whenever it reaches arithmetic.
  EXPECT_FALSE(render(kHead + "tag='${CLEARML_TASK.name}'\n", {{"name", "a[$(touch PWNED)]"}}).ok);
  EXPECT_TRUE(render(kHead + "re='${CLEARML_TASK.name}'\n", {{"name", "^[a-z]+$"}}).ok);
}

// The '['-then-expansion rule holds for the word values are joined into:
// LABEL="task[${...}]" or "${A}${B}" with A="x[" stores a[$(...)], which
// bash runs wherever arithmetic reaches LABEL by name.
TEST(Renderer, JoinedWordsKeepTheArithmeticRule) {
  const std::string label = kHead + "LABEL=\"task[${CLEARML_TASK.name}]\"\n";
  EXPECT_FALSE(render(label, {{"name", "$(touch PWNED)"}}).ok);
  EXPECT_FALSE(render(label, {{"name", "`touch PWNED`"}}).ok);
  EXPECT_TRUE(render(label, {{"name", "resnet-50 (v2)"}}).ok);
  EXPECT_TRUE(render(label, {{"name", "costs 5$"}}).ok);  // a final '$' starts nothing
  const std::string joined = kHead + "V=\"${CLEARML_TASK.name}-${CLEARML_TASK.comment}\"\n";
  EXPECT_FALSE(render(joined, {{"name", "x["}, {"comment", "$(touch PWNED)]"}}).ok);
  EXPECT_TRUE(render(joined, {{"name", "x"}, {"comment", "$(touch PWNED)]"}}).ok);
  EXPECT_TRUE(render(joined, {{"name", "x["}, {"comment", "y]"}}).ok);
  // Separate words are separate: the '[' of one does not reach the next.
  EXPECT_TRUE(render(kHead + "echo \"${CLEARML_TASK.name}\" \"${CLEARML_TASK.comment}\"\n",
                     {{"name", "x["}, {"comment", "$HOME"}}).ok);
  EXPECT_TRUE(render(kHead + "echo \"[ok]\" \"${CLEARML_TASK.comment}\"\n", {{"comment", "$HOME"}}).ok);
  // A here-document's line is one word.
  EXPECT_FALSE(render(kHead + "cat > f <<EOF\nA[${CLEARML_TASK.comment}]\nEOF\n", {{"comment", "$(id)"}}).ok);
  // An associative array's key is not stored as text.
  EXPECT_TRUE(render(kHead + "declare -A P\nP[${CLEARML_TASK.comment}]=1\n", {{"comment", "$(id)"}}).ok);
}

}  // namespace

namespace {

// Issue class F: a value fills one part of a list-valued or path option.
TEST(Renderer, ListOptionValuesStayInsideTheirElement) {
  const std::string mounts = kHead + "#SBATCH --container-mounts=/datasets/${CLEARML_TASK.name}:/data:ro\necho\n";
  EXPECT_TRUE(render(mounts, {{"name", "imagenet"}}).ok);
  for (const char* v : {"x:/data:ro,/:/host", "x,/:/host", "../..", "a/../../etc"})
    EXPECT_FALSE(render(mounts, {{"name", v}}).ok) << v;
  const std::string export_value = kHead + "#SBATCH --export=ALL,N=${CLEARML_TASK.name}\necho\n";
  EXPECT_TRUE(render(export_value, {{"name", "a=b c"}}).ok);
  EXPECT_FALSE(render(export_value, {{"name", "1,BASH_FUNC_f%%=() { id; }"}}).ok);
  // Slurm's list split honours quotes: one would swallow the later items.
  const std::string later = kHead + "#SBATCH --export=NIL,RUN=${CLEARML_TASK.name},PYTHONNOUSERSITE=1\necho\n";
  for (const char* v : {"resnet\"", "it's"}) EXPECT_FALSE(render(later, {{"name", v}}).ok) << v;
  // A value may name a variable of the submitter's environment to pass on,
  // never one the template assigns (the compiler refuses --export=${...}=x).
  const std::string export_name = kHead + "#SBATCH --export=ALL,${CLEARML_TASK.name}\necho\n";
  EXPECT_TRUE(render(export_name, {{"name", "MY_VAR"}}).ok);
  EXPECT_FALSE(render(export_name, {{"name", "BASH_FUNC_f%%"}}).ok);
  const std::string env = kHead + "#SBATCH --container-env=${CLEARML_TASK.name}\necho\n";
  EXPECT_FALSE(render(env, {{"name", "A,LD_PRELOAD"}}).ok);
  for (const char* option : {"--output=logs/", "--error=logs/", "--input=in/", "--chdir=/scratch/", "-o logs/"}) {
    const std::string tpl = kHead + "#SBATCH " + option + "${CLEARML_TASK.name}\necho\n";
    EXPECT_TRUE(render(tpl, {{"name", "run..1"}}).ok) << option;
    EXPECT_FALSE(render(tpl, {{"name", "../../etc/x"}}).ok) << option;
  }
  // The same rules on a command line.
  EXPECT_FALSE(render(kHead + "srun --container-mounts=/d/${CLEARML_TASK.name}:/data true\n", {{"name", "x:/y,/:/z"}}).ok);
  // A switch of a code variable's family takes a setting, never a path or a list of options.
  const std::string offline = kHead + "#SBATCH --export=ALL,HF_HUB_OFFLINE=${CLEARML_TASK.name}\nexport "
                                      "TORCH_CUDA_ARCH_LIST=\"${CLEARML_TASK.name}\"\n";
  EXPECT_TRUE(render(offline, {{"name", "1"}}).ok);
  for (const char* v : {"/tmp/x", "-x", "a b,c", "$(id)", ""})
    EXPECT_FALSE(render(offline, {{"name", v}}).ok) << v;
}

TEST(Renderer, EmptyDirectiveValueSaysWhatIsMissing) {
  auto r = render(kHead + "#SBATCH -J ${CLEARML_TASK.name}\necho\n", {{"name", ""}});
  ASSERT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("an empty value"), std::string::npos) << r.first_error();
}

// The data block: after the last #SBATCH line sbatch reads, before every
// command, pure ASCII, and the directives sbatch reads are unchanged.
TEST(Renderer, DataBlockStandsAfterTheDirectives) {
  const std::string tpl = kHead + "#SBATCH --job-name=x\n# a comment\n#SBATCH --hold\n\nf() { echo \"${CLEARML_TASK.name}\"; }\nf\n";
  auto r = render(tpl, {{"name", "ünï 'x'"}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "#SBATCH --job-name=x\n# a comment\n#SBATCH --hold\n\n"
                              "__slurmglue_1=$'\\xc3\\xbcn\\xc3\\xaf \\x27x\\x27'\n"
                              "f() { echo \"${__slurmglue_1}\"; }\nf\n");
  // After the whole header: burst-buffer plugins read #DW/#BB lines up to the first command too.
  r = render(kHead + "#SBATCH -N 1\n#DW jobdw capacity=1GB\n  # indented\n#BB_LUA pool=x\necho \"${CLEARML_TASK.name}\"\n",
             {{"name", "a b"}});
  EXPECT_EQ(r.script, kHead + "#SBATCH -N 1\n#DW jobdw capacity=1GB\n  # indented\n#BB_LUA pool=x\n__slurmglue_1=$'a b'\n"
                              "echo \"${__slurmglue_1}\"\n");
  // A burst-buffer line is split into words by its plugin: plain words only.
  const std::string bb = kHead + "#DW stage_in source=/data/${CLEARML_TASK.name} type=directory\n";
  EXPECT_TRUE(render(bb, {{"name", "set1"}}).ok);
  EXPECT_FALSE(render(bb, {{"name", "x destination=/home/u/.ssh"}}).ok);
  r = render("#!/bin/bash", nlohmann::json::object());
  EXPECT_TRUE(r.ok);
  r = render("#!/bin/bash\necho \"${CLEARML_TASK.name}\"", {{"name", "a b"}});
  EXPECT_EQ(r.script, "#!/bin/bash\n__slurmglue_1=$'a b'\necho \"${__slurmglue_1}\"");
  // The same value twice is one variable.
  r = render(kHead + "echo \"${CLEARML_TASK.name}\" \"${CLEARML_TASK.name|raw}\"\n", {{"name", "a b"}});
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'a b'\necho \"${__slurmglue_1}\" \"${__slurmglue_1}\"\n");
}

// A value must not make a line sbatch translates into options (#PBS, #BSUB),
// in a here-document or in a comment; the template's own lines stay.
TEST(Renderer, ValuesMakeNoTranslatedDirectiveLines) {
  const std::string heredoc = kHead + "cat > req.txt <<'EOF'\n${CLEARML_TASK.comment|raw}\nEOF\n";
  auto r = render(heredoc, {{"comment", "#PBS -v BASH_ENV=/tmp/x"}});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.first_error().find("#PBS or #BSUB"), std::string::npos) << r.first_error();
  EXPECT_FALSE(render(heredoc, {{"comment", "ok\n  #BSUB -J 1-9"}}).ok);
  EXPECT_TRUE(render(heredoc, {{"comment", "x #PBS"}}).ok);
  EXPECT_FALSE(render(kHead + "echo\n#${CLEARML_TASK.name}\n", {{"name", "PBS -J 0-9"}}).ok);
  EXPECT_TRUE(render(kHead + "#PBS -N kept\necho ${CLEARML_TASK.name}\n", {{"name", "a"}}).ok);
  // The scan is skipped when no value can begin such a line; these can.
  EXPECT_FALSE(render(kHead + "echo\n#P${CLEARML_TASK.name}\n", {{"name", "BS -J 0-9"}}).ok);
  const std::string comment = kHead + "cat <<'EOF'\n${CLEARML_TASK.a:}${CLEARML_TASK.b|raw}\nEOF\n";
  EXPECT_FALSE(render(comment, {{"a", ""}, {"b", "#BSUB -q x"}}).ok);
  EXPECT_TRUE(render(comment, {{"a", "note"}, {"b", "#BSUB -q x"}}).ok);
  // Burst-buffer directives too (#DW, #BB, #BB_LUA), from a header comment.
  for (const char* v : {"DW jobdw capacity=1TB", "BB create_persistent name=x", "BB_LUA pool=p"})
    EXPECT_FALSE(render(kHead + "#SBATCH -J x\n#${CLEARML_TASK.name}\necho\n", {{"name", v}}).ok) << v;
  EXPECT_TRUE(render(kHead + "#SBATCH -J x\n#${CLEARML_TASK.name}\necho\n", {{"name", "note"}}).ok);
}

}  // namespace

namespace {

// A value inside one item of a runner's comma list (singularity --env, --bind;
// docker --mount) may not add an item; found by the sixth outside review.
TEST(Renderer, ValuesAddNoItemToARunnersCommaList) {
  const std::string x = "${CLEARML_TASK.hyperparams.Args.x.value}";
  for (const std::string& line : {"srun singularity exec --no-eval --env \"WANDB_PROJECT=" + x + "\" img.sif true",
                                 "apptainer exec --compat --env=A=" + x + " img.sif true",
                                 "singularity exec -B /data/" + x + ":/data img.sif true",
                                 "docker run --mount type=bind,source=/scratch/" + x + ",target=/d img true"}) {
    const auto task = [](const char* v) { return nlohmann::json{{"hyperparams", {{"Args", {{"x", {{"value", v}}}}}}}}; };
    EXPECT_TRUE(render(kHead + line + "\n", task("proj1")).ok) << line;
    for (const char* bad : {"p,BASH_ENV=$(id)", "u1,source=/", "a\"b"}) {
      auto r = render(kHead + line + "\n", task(bad));
      EXPECT_FALSE(r.ok) << line << " " << bad;
      EXPECT_TRUE(r.first_error().find("comma-separated option") != std::string::npos ||
                  r.first_error().find("inside a mount") != std::string::npos)
          << r.first_error();
    }
  }
  // The host side of a mount: no climbing out, no system directory.
  const auto task = [](const char* v) { return nlohmann::json{{"hyperparams", {{"Args", {{"x", {{"value", v}}}}}}}}; };
  for (const std::string& line : {"singularity exec -B /data/" + x + ":/data img.sif true",
                                 "docker run -v \"" + x + "\" img true"}) {
    for (const char* bad : {"../../etc", "/etc:/e", "/./root:/r"}) EXPECT_FALSE(render(kHead + line + "\n", task(bad)).ok) << line << bad;
    EXPECT_TRUE(render(kHead + line + "\n", task("run7")).ok) << line;
  }
}

// find, test and expr read '!', '(', ')' and ',' as operators where an
// argument begins: find "${DIR}" -delete with '!' deletes what it should keep.
TEST(Renderer, AValueIsNoOperatorWhereAnArgumentBegins) {
  const auto task = [](const char* v) { return nlohmann::json{{"name", v}}; };
  for (const std::string& tpl : {kHead + "find \"${CLEARML_TASK.name}\" -name '*.tmp' -delete\n",
                                kHead + "OUT=\"${CLEARML_TASK.name}\"\nfind \"$OUT\" -name '*.tmp' -delete\n",
                                kHead + "[ ${CLEARML_TASK.name} = x ] && echo\n"}) {
    for (const char* op : {"!", "(", ")", ","}) EXPECT_FALSE(render(tpl, task(op)).ok) << tpl << op;
    EXPECT_TRUE(render(tpl, task("!x")).ok) << tpl;
  }
  EXPECT_TRUE(render(kHead + "find ./${CLEARML_TASK.name} -delete\n", task("!")).ok);
}

}  // namespace

namespace {

// A value naming code that runs (a script operand, a module, an environment,
// an overlay, a file of variables) stays inside the template's directory or
// the program's search path: sixth outside review (C4) and the fifth's B15.
TEST(Renderer, AValueNamingCodeStaysInsideItsSearchPath) {
  const auto task = [](const char* v) { return nlohmann::json{{"script", {{"entry_point", v}}}}; };
  const std::string x = "${CLEARML_TASK.script.entry_point}";
  for (const std::string& line :
       {"bash " + x, "python3 -u " + x + " --lr 1", "srun python3 " + x, "torchrun --standalone " + x,
        "perl -w " + x, "module load " + x, "ml gcc " + x, "conda activate " + x, "spack env activate " + x,
        "singularity exec --overlay " + x + " img.sif true", "docker run --env-file=" + x + " img true",
        "srun --container=" + x + " true", "python3 scripts/" + x}) {
    EXPECT_TRUE(render(kHead + line + "\n", task("train.py")).ok) << line;
    for (const char* bad : {"/tmp/evil.sh", "~other/evil.sh", "../../tmp/evil.sh", "a/../../b"})
      EXPECT_FALSE(render(kHead + line + "\n", task(bad)).ok) << line << " " << bad;
  }
  // Arguments of the script are data, and a file the template names is its own.
  EXPECT_TRUE(render(kHead + "python3 train.py --data " + x + "\n", task("/data/x")).ok);
  EXPECT_TRUE(render(kHead + "bash -c 'echo \"$1\"' sh " + x + "\n", task("/data/x")).ok);
}

// Eighth and ninth outside reviews: what the renderer checks of values that
// a program reads again, and a value glued to a variable's name.
TEST(Renderer, ValuesReadAgainStayPlainAndNamesStayTheTemplates) {
  // $DATA${...}: a value starting with a name character is a reference, so
  // bash still expands $DATA.
  auto r = render(kHead + "echo $DATA${CLEARML_TASK.name}\n", {{"name", "_OPTS"}});
  ASSERT_TRUE(r.ok) << r.first_error();
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'_OPTS'\necho $DATA\"${__slurmglue_1}\"\n");
  r = render(kHead + "echo \"$DATA${CLEARML_TASK.name}\"\n", {{"name", "/x"}});
  EXPECT_EQ(r.script, kHead + "echo \"$DATA/x\"\n");
  EXPECT_FALSE(render(kHead + "echo $(( $N${CLEARML_TASK.hyperparams.A.n.value} ))\n",
                      {{"hyperparams", {{"A", {{"n", {{"value", "5"}}}}}}}}).ok);
  // deepspeed splits its script's arguments again; scp/rsync remote paths go to a remote shell.
  const std::string ds = kHead + "deepspeed train.py --run_name=${CLEARML_TASK.name}\n";
  EXPECT_TRUE(render(ds, {{"name", "exp-1.b"}}).ok);
  for (const char* bad : {"exp --INJ=1", "x'y", "a;b", "$(id)"}) EXPECT_FALSE(render(ds, {{"name", bad}}).ok) << bad;
  EXPECT_FALSE(render(kHead + "rsync -a \"host:/d/${CLEARML_TASK.name}\" .\n", {{"name", "x;id"}}).ok);
  // An archive HOST:FILE, a mail address read as an option.
  const std::string tar = kHead + "tar -xzf ${CLEARML_TASK.name} -C /tmp\n";
  EXPECT_FALSE(render(tar, {{"name", "evil.example.com:x.tgz"}}).ok);
  EXPECT_TRUE(render(tar, {{"name", "data/x:1.tgz"}}).ok);
  // A file bash or Slurm opens for the job: not any file of the glue's account, no socket.
  for (const char* tpl : {"echo hi >> \"${CLEARML_TASK.name}\"\n", "exec > ${CLEARML_TASK.name}\n",
                          "#SBATCH --output=${CLEARML_TASK.name}\n"}) {
    for (const char* bad : {"/home/glue/.bashrc", "~/.profile", "/dev/tcp/10.0.0.1/80", "logs/../../x"})
      EXPECT_FALSE(render(kHead + tpl, {{"name", bad}}).ok) << tpl << bad;
    EXPECT_TRUE(render(kHead + tpl, {{"name", "logs/run-1.log"}}).ok) << tpl;
  }
  EXPECT_TRUE(render(kHead + "#SBATCH --output=${CLEARML_TASK.x:/scratch/logs/%j.out}\n", {{"name", "n"}}).ok)
      << "a default is the template's own text";
  EXPECT_TRUE(render(kHead + "read -r v <<< \"${CLEARML_TASK.name}\"\n", {{"name", "/data/x"}}).ok);
  // ~${...}: the value never chooses whose home (~root, ~+).
  r = render(kHead + "ls ~${CLEARML_TASK.name}/y.log\n", {{"name", "root"}});
  EXPECT_EQ(r.script, kHead + "__slurmglue_1=$'root'\nls ~\"${__slurmglue_1}\"/y.log\n");
  // curl -F NAME=@FILE and NAME=<FILE send a file.
  const std::string form = kHead + "curl -F \"text=${CLEARML_TASK.name}\" https://hooks.example.com\n";
  for (const char* bad : {"@/home/glue/.ssh/id_rsa", "</home/glue/clearml.conf"})
    EXPECT_FALSE(render(form, {{"name", bad}}).ok) << bad;
  EXPECT_TRUE(render(form, {{"name", "run 1 done @ 10:00"}}).ok);
  const std::string mail = kHead + "#SBATCH --mail-user=${CLEARML_TASK.name}\n";
  EXPECT_FALSE(render(mail, {{"name", "-Ssendmail=/tmp/x"}}).ok);
  EXPECT_TRUE(render(mail, {{"name", "ops@example.com"}}).ok);
}

// A list field as the items of a YAML flow sequence: each item is checked,
// and the commas that join them are the renderer's own.
TEST(Renderer, AListFieldFillsTheItemsOfAYamlFlowSequence) {
  const std::string t = kHead + "cat > cfg.yaml <<'EOF'\ntags: [${CLEARML_TASK.tags}]\nEOF\npython3 t.py --config cfg.yaml\n";
  auto r = render(t, {{"id", "t1"}, {"tags", {"exp", "gpu"}}});
  EXPECT_TRUE(r.ok) << r.first_error();
  EXPECT_NE(r.script.find("tags: [exp,gpu]\n"), std::string::npos) << r.script;
  for (const auto& item : {"a, b", "x]", "{k: v}", "trust_remote_code:"})
    EXPECT_FALSE(render(t, {{"id", "t1"}, {"tags", {"exp", item}}}).ok) << item;
  // Outside a flow sequence the joined text is one value, commas and all.
  EXPECT_FALSE(render(kHead + "cat > cfg.yaml <<'EOF'\nm: {tags: ${CLEARML_TASK.tags}}\nEOF\npython3 t.py\n",
                      {{"id", "t1"}, {"tags", {"exp", "gpu"}}})
                   .ok);
}

// A value that is the default's very text renders the script the default
// does: the rules for values do not refuse it (ClearML's working_dir '.').
TEST(Renderer, AValueThatIsTheDefaultsTextRendersAsTheDefaultDoes) {
  const std::string t = kHead + "cd \"repo/${CLEARML_TASK.script.working_dir:.}\"\npython3 t.py\n";
  auto r = render(t, {{"id", "t1"}, {"script", {{"working_dir", "."}}}});
  EXPECT_TRUE(r.ok) << r.first_error();
  EXPECT_NE(r.script.find("cd \"repo/.\""), std::string::npos) << r.script;
  EXPECT_FALSE(render(kHead + "rm -rf \"runs/${CLEARML_TASK.script.working_dir:x}\"\n",
                      {{"id", "t1"}, {"script", {{"working_dir", "."}}}})
                   .ok);
}

}  // namespace
