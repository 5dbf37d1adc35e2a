"""Drives Debian's python3-rcon (conqp/rcon 2.3.9): python3 python3-rcon.py HOST PORT COMMAND; password from RCON_PASSWORD.
Prints the answer as received; exit 3 when authentication is refused, 1 on any other error."""
import os
import sys

from rcon.exceptions import WrongPassword
from rcon.source import Client

host, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
try:
    with Client(host, port, passwd=os.environ["RCON_PASSWORD"], timeout=5) as client:
        sys.stdout.write(client.run(*command.split(" ")))
except WrongPassword:
    print("auth: wrong password", file=sys.stderr)
    sys.exit(3)
except Exception as error:  # any other failure is reported, not hidden
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
