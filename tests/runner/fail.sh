# Fails: it prints another line and returns 1, and prints nothing to
# stderr, where its sidecar expects a line.
echo "what it prints now"
exit 1
