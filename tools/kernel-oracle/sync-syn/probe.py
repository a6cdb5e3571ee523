# Client side of measure.sh (runs in namespace A): connects to 10.77.0.2:80, sends "hello", then sends crafted
# SYNs on the established connection's 4-tuple through a raw socket and prints what the server answers.
# usage: probe.py SPEC...   SPEC = "[R]<offset>@<gap ms>": a SYN (an RST with the R prefix) whose SEQ is
# RCV.NXT + offset (the server's RCV.NXT, learned from its last ACK), sent gap ms after the previous one.
import socket, struct, sys, time
def csum(b):  # the Internet checksum (RFC 1071)
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b)//2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
ETH_P_ALL = 3
sniff = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
sniff.bind(('va', 0))
sniff.setblocking(False)
c = socket.socket(); c.bind(('10.77.0.1', 40000)); c.connect(('10.77.0.2', 80))
c.sendall(b'hello'); time.sleep(0.3)
def segments():
    out = []
    while True:
        try: frame, addr = sniff.recvfrom(65535)
        except BlockingIOError: return out
        ip = frame[14:]
        if ip[9] != 6: continue
        ihl = (ip[0] & 15) * 4; tcp = ip[ihl:]
        sport, dport, seq, ack, off, flags, win = struct.unpack('!HHIIBBH', tcp[:16])
        plen = struct.unpack('!H', ip[2:4])[0] - ihl - (off >> 4) * 4
        names = ''.join(n for b, n in ((2, 'S'), (16, 'A'), (1, 'F'), (4, 'R'), (8, 'P')) if flags & b)
        out.append((addr[2], socket.inet_ntoa(ip[12:16]), sport, dport, seq, ack, names, plen))
seen = segments()
from_server = [s for s in seen if s[1] == '10.77.0.2']
rcv_nxt = from_server[-1][5]; snd_nxt = from_server[-1][4]

print(f'server RCV.NXT={rcv_nxt} SND.NXT={snd_nxt} (from its last segment: {from_server[-1][6]})')
raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
src, dst = socket.inet_aton('10.77.0.1'), socket.inet_aton('10.77.0.2')
for spec in sys.argv[1:]:
    off, gap = spec.split('@'); time.sleep(int(gap) / 1000)
    rst = off.startswith('R'); off = off.lstrip('R')
    seq = (rcv_nxt + int(off)) % 2**32
    tcp = struct.pack('!HHIIBBHHH', 40000, 80, seq, 0, 5 << 4, 0x04 if rst else 0x02, 64240, 0, 0)
    tcp = tcp[:16] + struct.pack('!H', csum(src + dst + struct.pack('!BBH', 0, 6, len(tcp)) + tcp)) + tcp[18:]
    raw.sendto(struct.pack('!BBHHHBBH4s4s', 0x45, 0, 40, 1, 0, 64, 6, 0, src, dst) + tcp, ('10.77.0.2', 0))
    time.sleep(0.05)
    print(f'{"RST" if rst else "SYN"} seq=RCV.NXT{int(off):+d} ->', ' '.join(
        f'[{s[6]} seq={s[4]-snd_nxt:+d} ack={s[5]-rcv_nxt:+d} len={s[7]}]' for s in segments() if s[1] == '10.77.0.2' and s[0] != 4) or 'nothing')
