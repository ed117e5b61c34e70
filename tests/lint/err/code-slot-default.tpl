#!/bin/bash
${CLEARML_AGENT_EXECUTE:true}
