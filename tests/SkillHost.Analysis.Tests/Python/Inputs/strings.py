a = 'single' "double" '''triple
'quoted' ''' """also "triple" """
b = r'\d+' R"\"" b'bytes' B"x" u'uni' U"x" rb'x' Rb"x" bR'x' BR"x" br'x'
c = 'esc \' quote' "esc \" \\" 'line \
continued'
d = f"plain {x} and {y!r:>10} {{literal}} {z=}"
e = f'{a["key"]}' + f"{x:{width}.{prec}f}" + rf"\d{n}" + F'{3.14:.2f}'
g = f"{f"{f"{1}"}"}"
h = f"""multi
{x
 + 1} line"""
i = f"{'\n'.join(parts)}" f'{lambda: 1}' f"{x:%Y-%m-%d}"
j = t"template {name}"
k = f"\N{BULLET} {n}"
