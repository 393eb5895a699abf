#!/bin/sh
# One-shot (minio-setup service in docker-compose.yml): waits for MinIO and creates the artifact
# bucket (private) if it is missing.
set -eu
tries=0
until mc alias set local "${MINIO_URL:-http://minio:9000}" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "MinIO at ${MINIO_URL:-http://minio:9000} did not answer in 120 s" >&2
    exit 1
  fi
  sleep 2
done
mc mb --ignore-existing "local/$BUNSUI_S3_BUCKET"
mc anonymous set none "local/$BUNSUI_S3_BUCKET"
echo "bucket $BUNSUI_S3_BUCKET ready"
