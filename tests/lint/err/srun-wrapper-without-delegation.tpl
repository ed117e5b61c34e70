#!/bin/bash
srun() {
  command srun --container-image=ubuntu "$@"
}
