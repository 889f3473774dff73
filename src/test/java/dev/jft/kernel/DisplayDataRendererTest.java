package dev.jft.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class DisplayDataRendererTest {

    @Test
    void textWithMimeTypesIsShownAsThoseTypes() {
        DisplayData data = DisplayDataRenderer.render("<b>x</b>", "text/html");
        assertEquals("<b>x</b>", data.getData(MIMEType.parse("text/html")));
        assertEquals("<b>x</b>", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void imagesBecomePngWithPlainText() {
        DisplayData data = DisplayDataRenderer.render(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
        assertTrue(data.hasDataForType(MIMEType.parse("image/png")));
        assertEquals("image 2x2", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void explicitTypesFilterOtherValues() {
        DisplayData data = DisplayDataRenderer.render(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "text/plain");
        assertNull(data.getData(MIMEType.parse("image/png")));
    }
}
