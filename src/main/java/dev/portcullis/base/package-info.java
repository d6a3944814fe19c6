/**
 * Base image freshness and end of life: reads the FROM references of a Dockerfile (or the base of
 * an image) as tags of the common official images and judges the runtime line and distro release
 * against the lifecycle data of the vulnerability database, as of a date. Depends on {@code lint}
 * and {@code vulndb} only.
 */
package dev.portcullis.base;
