#!/bin/sh
# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ (suffix dropped), replacing
# ${VAR} only for variables that are set in the environment, so nginx's own $vars survive.
set -e
template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
  echo "$0: $output_dir is not writable, templates not rendered" >&2
  exit 0
fi
vars=$(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
find "$template_dir" -follow -type f -name "*$suffix" | while read -r template; do
  relative=${template#"$template_dir/"}
  output=$output_dir/${relative%"$suffix"}
  mkdir -p "$(dirname "$output")"
  echo "$0: rendering $template to $output"
  envsubst "$vars" <"$template" >"$output"
done
