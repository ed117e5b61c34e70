#!/bin/bash
srun() {
  command srun "$@"
}
