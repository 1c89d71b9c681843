package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
  @Test
  void writesADecodablePng() throws Exception {
    byte[] png = Png.square(4, 0x112233);
    assertEquals((byte) 0x89, png[0]);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(4, image.getWidth());
    assertEquals(4, image.getHeight());
    assertEquals(0x112233, image.getRGB(0, 3) & 0xffffff);
  }
}
