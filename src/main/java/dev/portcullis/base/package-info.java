/**
 * Base image freshness and end of life. The package reads the FROM references of a Dockerfile, or
 * the base of an image, as tags of the common official images. It judges the runtime line and the
 * distro release against the lifecycle data of the vulnerability database, as of a date. It
 * depends on {@code lint} and {@code vulndb} only.
 */
package dev.portcullis.base;
