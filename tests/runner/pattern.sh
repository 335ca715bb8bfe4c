# Fails: its output does not match the pattern of its .glob sidecar,
# which --update leaves alone.
echo "run 2 of 3"
