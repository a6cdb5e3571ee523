# Sends N SYNs from spoofed sources 10.88.x.y to 10.77.0.2:80 through a raw socket (measure.sh runs it in a namespace).
import socket, struct, sys
N = int(sys.argv[1])
def csum(b):  # the Internet checksum (RFC 1071)
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b)//2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
dst = socket.inet_aton('10.77.0.2')
for i in range(N):
    src = socket.inet_aton('10.88.%d.%d' % (i // 250, i % 250 + 1))
    sport = 10000 + i
    tcp = struct.pack('!HHIIBBHHH', sport, 80, 1000 + i, 0, 5 << 4, 0x02, 64240, 0, 0)
    pseudo = src + dst + struct.pack('!BBH', 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack('!H', csum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), i & 0xffff, 0, 64, 6, 0, src, dst)
    s.sendto(ip + tcp, ('10.77.0.2', 0))
