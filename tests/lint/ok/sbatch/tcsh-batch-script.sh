#!/bin/tcsh
#SBATCH --job-name=tcsh-job
#SBATCH --ntasks=1
#SBATCH --time=00:10:00
set n = 4
if ( $n > 2 ) then
    echo "more than two"
endif
foreach f ( *.dat )
    echo $f
end
