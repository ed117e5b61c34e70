#!/bin/bash
export K=${CLEARML_CONFIG.api.credentials.secret_key}
echo ${CLEARML_USER_VAULTS.token}
${CLEARML_AGENT_EXECUTE}
