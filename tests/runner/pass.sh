# Passes: its output and exit status are those of its sidecars.
echo "to stdout"
echo "to stderr" >&2
exit 3
