a = 'single' "double" '''triple
line''' """x"""
b = r'\d\n' R"raw" u'uni' U'Uni'
bb = b'bytes\x00\xff' rb'\d' Br'x' bR"y" B'\'"' b'\n\7\777'
c = 'esc \a\b\f\n\r\t\v \\ \' \" \101 \x41 \u00e9 \U0001F600 \N{BULLET} \N{latin small letter a} \q'
d = 'it\'s' "say \"hi\"" 'both \' and "'
e = 'line \
continued'
f = u'a' 'b' f'c'
g = '' ''
gb = b'' b""
h = '\0' '\777' '\ud800' '\x7f\x80\xa0\xad'
i = ('implicit'
     'concatenation'
     "across lines")
