#!/bin/bash
#SBATCH --job-name=clearml_task_${CLEARML_TASK.id}
#SBATCH --ntasks=1
#SBATCH --time=01:00:00

${CLEARML_PRE_SETUP}
case "${CLEARML_QUEUE_NAME:default}" in
  gpu*) echo "GPU queue" ;;
  *) echo "CPU queue" ;;
esac
cat > "task-${CLEARML_TASK.id}.info" <<EOF2
task: ${CLEARML_TASK.id}
name: ${CLEARML_TASK.name}
#SBATCH in a here-document is text
EOF2
${CLEARML_AGENT_EXECUTE}
${CLEARML_POST_SETUP}
