#!/bin/bash
srun() {
  srun --container-image=ubuntu "$@"
}
