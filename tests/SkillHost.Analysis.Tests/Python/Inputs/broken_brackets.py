def f(:
    x = [1, 2
y = f(a))
  z = 1
 w = 2
u = 1 $ 2
v = f"{x
