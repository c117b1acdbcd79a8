"""No test reaches the network: an audit hook sees every socket connect and name lookup in
this process, in every thread (the GUI's workers too); one to another machine raises, and is
recorded so that tests/conftest.py fails the test even where the error was swallowed.

Imported once, as ``tests.netguard``, by tests/conftest.py: the hook is installed on import.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

_NETWORK_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.getaddrinfo",
                             "socket.gethostbyname", "socket.gethostbyaddr"})
_attempts: list[str] = []


class NetworkUsed(RuntimeError):
    """Something tried to reach another machine."""


def _is_local(host: object) -> bool:
    if host is None:
        return True  # getaddrinfo(None, ...): a local (passive) address
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in ("", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name to look up elsewhere


def _audit(event: str, args: tuple) -> None:
    if event not in _NETWORK_EVENTS:
        return
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[-1]
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return  # Unix sockets, netlink: this machine
        host = address[0]
    else:
        host = args[0]
    if not _is_local(host):
        _attempts.append(f"{event} {host!r}")
        raise NetworkUsed(f"no network: {event} to {host!r}")


def take_network_attempts() -> list[str]:
    """The attempts recorded since the last call, forgotten."""
    taken = list(_attempts)
    _attempts.clear()
    return taken


sys.addaudithook(_audit)
