#!/usr/bin/env python3
"""A bridge between two interfaces that holds every frame for DELAY_MS before passing it on.

This machine's kernel has no netem, so the RTO measurement (measure.sh) builds its round-trip time with this
relay in a middle namespace: frames are read with AF_PACKET sockets and written on the other side. A veth
leaves TCP checksums to "hardware" (CHECKSUM_PARTIAL), so a frame read here carries an unfinished checksum;
the relay completes it, or the receiving kernel would drop every relayed segment.
usage: delay-relay.py IF_A IF_B DELAY_MS
"""
import heapq
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


def ones_complement_sum(data):
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def with_tcp_checksum(frame):
    """The frame with its IPv4 TCP checksum computed; any other frame unchanged."""
    if len(frame) < 34 or frame[12:14] != b'\x08\x00' or frame[23] != 6:
        return frame
    ihl = (frame[14] & 0x0F) * 4
    total_len = struct.unpack('!H', frame[16:18])[0]
    tcp = bytearray(frame[14 + ihl:14 + total_len])
    tcp[16:18] = b'\0\0'
    pseudo = frame[26:34] + struct.pack('!BBH', 0, 6, len(tcp))
    checksum = 0xFFFF - ones_complement_sum(pseudo + bytes(tcp))
    tcp[16:18] = struct.pack('!H', checksum)
    return frame[:14 + ihl] + bytes(tcp) + frame[14 + total_len:]


def open_raw(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((ifname, 0))
    s.setblocking(False)
    return s


def main():
    if_a, if_b, delay_ms = sys.argv[1], sys.argv[2], float(sys.argv[3])
    a, b = open_raw(if_a), open_raw(if_b)
    other = {a: b, b: a}
    due = []  # (time to send, order, socket to send on, frame)
    order = 0
    while True:
        timeout = max(0.0, due[0][0] - time.monotonic()) if due else 1.0
        ready, _, _ = select.select([a, b], [], [], timeout)
        now = time.monotonic()
        for s in ready:
            while True:
                try:
                    frame, addr = s.recvfrom(65535)
                except BlockingIOError:
                    break
                if addr[2] == PACKET_OUTGOING:  # our own writes, seen again
                    continue
                order += 1
                heapq.heappush(due, (now + delay_ms / 1000, order, other[s], with_tcp_checksum(frame)))
        now = time.monotonic()
        while due and due[0][0] <= now:
            _, _, out, frame = heapq.heappop(due)
            out.send(frame)


if __name__ == '__main__':
    main()
