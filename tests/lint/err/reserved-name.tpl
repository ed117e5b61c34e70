#!/bin/bash
__slurmglue_1=x
${CLEARML_AGENT_EXECUTE}
