# Errors are translated too, and keep the "tmconv: " prefix.
need_locale az_AZ.UTF-8
LC_ALL=az_AZ.UTF-8 tmconv frobnicate
