#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Turns sql/NNNN_name.sql files into a C header: one NUL-terminated string per
# migration, in order.  The version of a migration is its number NNNN.
set -eu
echo "/* Generated from sql/ by tests/lib/gen-migrations.sh: do not edit. */"
echo "#include <stddef.h>"
i=0
for f in "$@"; do
	echo "static const char migration_sql_$i[] = {"
	xxd -i < "$f"
	echo ", 0x00 };"
	i=$((i + 1))
done
echo "static const struct { int version; const char *name; const char *sql; } migrations[] = {"
i=0
for f in "$@"; do
	b=$(basename "$f" .sql)
	v=$(echo "$b" | sed 's/^0*\([0-9][0-9]*\)_.*/\1/')
	echo "	{ $v, \"$b\", migration_sql_$i },"
	i=$((i + 1))
done
echo "};"
echo "static const size_t n_migrations = $i;"
