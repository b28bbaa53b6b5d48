package io.github.qtogglemqtt.core.spi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few DER operations that turning a traditional OpenSSL key (PKCS#1 RSA, SEC1 EC) into the
 * PKCS#8 form the JDK's {@link java.security.KeyFactory} reads needs: writing a tag-length-value,
 * and walking the top-level elements of one SEQUENCE. Not a general ASN.1 library: it reads only
 * definite lengths and never interprets contents beyond what {@link PemKeyStores} asks.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  static final int CONTEXT_0 = 0xA0;

  private Der() {}

  /** One element: its tag, and where its contents lie in the input. */
  record Element(int tag, byte[] input, int contentStart, int contentEnd) {
    byte[] contents() {
      return Arrays.copyOfRange(input, contentStart, contentEnd);
    }
  }

  /** Encodes one element. */
  static byte[] tlv(int tag, byte[]... contents) {
    int length = 0;
    for (byte[] c : contents) {
      length += c.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    for (byte[] c : contents) {
      out.writeBytes(c);
    }
    return out.toByteArray();
  }

  /**
   * The elements directly inside the SEQUENCE that {@code der} consists of.
   *
   * @throws IllegalArgumentException when {@code der} is not one well-formed SEQUENCE
   */
  static Element[] sequenceElements(byte[] der) {
    Element outer = read(der, 0);
    if (outer.tag() != SEQUENCE || outer.contentEnd() != der.length) {
      throw new IllegalArgumentException("not a DER SEQUENCE");
    }
    List<Element> elements = new ArrayList<>();
    int position = outer.contentStart();
    while (position < outer.contentEnd()) {
      Element element = read(der, position);
      if (element.contentEnd() > outer.contentEnd()) {
        throw new IllegalArgumentException("DER element overruns its SEQUENCE");
      }
      elements.add(element);
      position = element.contentEnd();
    }
    return elements.toArray(Element[]::new);
  }

  /** Reads the element that starts at {@code start}. */
  static Element read(byte[] der, int start) {
    if (start + 2 > der.length) {
      throw new IllegalArgumentException("truncated DER");
    }
    int tag = der[start] & 0xFF;
    int first = der[start + 1] & 0xFF;
    int position = start + 2;
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int bytes = first & 0x7F;
      if (bytes == 0 || bytes > 3 || position + bytes > der.length) {
        throw new IllegalArgumentException("unsupported DER length");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[position++] & 0xFF);
      }
    }
    if (position + length > der.length) {
      throw new IllegalArgumentException("truncated DER");
    }
    return new Element(tag, der, position, position + length);
  }
}
