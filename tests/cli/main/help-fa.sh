# Under a Persian locale the help is in Persian.
need_locale fa_IR.UTF-8
LC_ALL=fa_IR.UTF-8 tmconv --help | sed -n '1p;/^گزینه‌ها:/,/^  -V/p'
