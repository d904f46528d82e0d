name = "w"
a = f"hello {name!r:>{width}} {x=} {x = !s} {x=:>10}"
b = f'{a["k"]}' f"{b['k']!a}" F'{{literal}} {c}}}'
c = f"""multi
{line}
  {nested:{w}.{p}f} end"""
d = f"{ x }" f"{(lambda y: y)(1)}" f"{ {'a': 1}['a'] }"
e = ("plain" f"{x}"
     f"{y:{z}}" "tail")
f = rf'\d{x}\d' fR"{y}" Rf'{z!r}'
g = f"{3.14:.2f}" f"{x:{{}}>10}" f"{'nested' + f'{inner}'}"
h = f'{x:%H:%M}' f'{x!r}' f"{x,y}" f"{x if y else z}"
i = f"""{
    a
}"""
j = f"{a}" "b" f"{c}" u"d"
k = f'{a:{b}x{c}}'
l = f"" f'' f"{x}" ""
m = f'{x:=10}' f'{(x:=10)}' f'{x!=y}' f'{x<y}' f'{x>=y}'
