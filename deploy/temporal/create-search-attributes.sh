#!/bin/sh
# One-shot (temporal-admin-tools service in docker-compose.yml): waits for the Temporal frontend,
# then creates bunsui's custom search attributes in the namespace (see
# workflows/src/main/java/dev/bunsui/book/BookSearchAttributes.java). Creating one that exists
# fails harmlessly; the final listing checks that every attribute is there.
set -eu
ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
ATTRIBUTES="BunsuiPipeline:Keyword BookTitle:Keyword Lang:Keyword Stage:Keyword FailedStep:Keyword PendingApprovals:KeywordList"

tries=0
until temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "Temporal at $ADDRESS has no namespace $NAMESPACE after 180 s" >&2
    exit 1
  fi
  sleep 2
done

for pair in $ATTRIBUTES; do
  name="${pair%%:*}"
  type="${pair#*:}"
  temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" \
    --name "$name" --type "$type" >/dev/null 2>&1 || true
done

listing="$(temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE")"
missing=""
for pair in $ATTRIBUTES; do
  name="${pair%%:*}"
  echo "$listing" | grep -qw "$name" || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "search attributes missing in namespace $NAMESPACE:$missing" >&2
  exit 1
fi
echo "search attributes ready in namespace $NAMESPACE: $ATTRIBUTES"
