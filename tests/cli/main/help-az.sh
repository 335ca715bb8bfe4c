# Under an Azerbaijani locale the help is in Azerbaijani.
need_locale az_AZ.UTF-8
LC_ALL=az_AZ.UTF-8 tmconv --help | sed -n '1p;/^Seçimlər:/,/^  -V/p'
