#!/bin/bash
echo "${CLEARML_AGENT_EXECUTE}"
