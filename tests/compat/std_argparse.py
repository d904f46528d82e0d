# argparse with an explicit argv list and with sys.argv (patched), help and error output.
import argparse
import sys

parser = argparse.ArgumentParser(prog="tool", description="A demo tool.")
parser.add_argument("files", nargs="*", help="input files")
parser.add_argument("-n", "--count", type=int, default=1, help="how many")
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("--tag", action="append", default=[])

args = parser.parse_args(["a.txt", "b.txt", "-n", "3", "-v", "--tag", "x", "--tag", "y"])
print(args.files, args.count, args.verbose, args.mode, args.tag)
commands = argparse.ArgumentParser(prog="cmd")
sub = commands.add_subparsers(dest="command")
run = sub.add_parser("run")
run.add_argument("target")
print(sorted(vars(commands.parse_args(["run", "t1"])).items()))
print(parser.parse_known_args(["--mode", "slow", "--unknown", "u"]))

sys.argv = ["tool", "--count", "7", "in.csv"]
parsed = parser.parse_args()
print(parsed.count, parsed.files, sys.argv[0])

parser.print_help(file=sys.stdout)
print(parser.format_usage().strip())
for bad in (["-n", "many"], ["--mode", "medium"], ["--count"]):
    try:
        parser.parse_args(bad)
    except SystemExit as e:
        print("exit status", e.code)

group_parser = argparse.ArgumentParser(prog="g", add_help=False)
group = group_parser.add_mutually_exclusive_group()
group.add_argument("--on", action="store_true")
group.add_argument("--off", action="store_true")
print(group_parser.parse_args(["--on"]))
try:
    group_parser.parse_args(["--on", "--off"])
except SystemExit as e:
    print("exit status", e.code)
