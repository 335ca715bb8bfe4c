# --version names the program and version, GNU style.
tmconv --version
