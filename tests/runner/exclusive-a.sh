# Holds the name "token" alone: with -j2 the runner starts both
# exclusive-* cases at once, and the second waits for the first.
exclusive token
if ! mkdir "$TMC_LOCK_DIR/inside" 2>/dev/null; then
  echo "another case holds token too"
fi
sleep 1
rmdir "$TMC_LOCK_DIR/inside"
echo "held token alone"
