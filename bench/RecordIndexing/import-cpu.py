#!/usr/bin/env python3
# Runs a command and prints each line it writes with the command's CPU seconds (user + system, from /proc) and wall
# seconds at that moment; at the end its total CPU, wall time and peak memory. For `creditsite import`, whose progress
# lines end each phase (校验, 写入存储, 更新搜索索引) with "完成", the differences are the CPU seconds of each phase:
#   python3 bench/RecordIndexing/import-cpu.py dotnet /tmp/cli/creditsite.dll import --kind licence --file licence.csv
import os, subprocess, sys, time
tck = os.sysconf('SC_CLK_TCK')
def cpu(pid):
    try:
        f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / tck
    except Exception:
        return float('nan')
t0 = time.time()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
last = 0.0
for line in p.stdout:
    c = cpu(p.pid)
    if c == c: last = c
    print(f'[cpu {last:7.2f} wall {time.time()-t0:7.2f}] {line}', end='', flush=True)
# final CPU from wait4 rusage
_, status, ru = os.wait4(p.pid, 0)
print(f'[end] cpu {ru.ru_utime+ru.ru_stime:.2f} wall {time.time()-t0:.2f} maxrss {ru.ru_maxrss//1024} MiB exit {os.waitstatus_to_exitcode(status)}')
