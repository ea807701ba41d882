s = 'unterminated
t = """never closed
