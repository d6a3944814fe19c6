package dev.portcullis.vulndb;

/**
 * A link an advisory lists.
 *
 * @param type the OSV reference type ({@code ADVISORY}, {@code WEB}, {@code FIX}, ...) or
 *     {@code WEB} where the source gives none
 * @param url the address
 */
public record Reference(String type, String url) {}
