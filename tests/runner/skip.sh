# Skipped: it cannot run here, and says why.
skip "the runner's example of a skipped case"
echo "never printed"
