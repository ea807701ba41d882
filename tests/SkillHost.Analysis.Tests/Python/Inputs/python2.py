print "hello", x
print >>sys.stderr, "error %s" % msg
exec "code" in ns
y = `x` + ur'raw' + UR"x"
if a <> b:
    n = 10L + 0777 + 0xFFl
except_ = lambda (a, b): a
def g((a, b), c):
    print
