#!/bin/sh
# Starts the worker; the token was written for this test.
docker run -d --name worker \
  -e SLACK_TOKEN=xoxb-000000000000-R3dactMeSlack \
  --read-only example/worker:1
