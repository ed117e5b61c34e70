#!/bin/bash
${CLEARML_AGENT_EXECUTE}
if true; echo a; fi
while true do echo; done
fi
for ((i = 0; i < 2; i++)) do echo "$i"; done
{ echo a
echo "done
