#!/bin/bash
# Values that reach a shell through its standard input, or name a variable.
bash <<'EOF'
echo ${CLEARML_TASK.name}
EOF
/bin/bash --norc -c "echo ${CLEARML_TASK.name}"
bash <<< "echo ${CLEARML_TASK.name}"
echo "${CLEARML_TASK.name}" | bash
env ${CLEARML_TASK.name} true
export FOO=${CLEARML_TASK.name}
cat <<EOF > notes.txt
${CLEARML_TASK.name}
EOF
${CLEARML_AGENT_EXECUTE}
