import type { Messages } from "./en";

// Spanish (usted, neutral Latin American). Like the Spanish guides, to be reviewed by a qualified translator.
export const es: Messages = {
  locale: "es",
  pageOf: (page, total) => `Página ${page} de ${total}`,
  preparedFor: (name) => `Preparado para ${name}`,
  followUp: (date) => `Próxima cita: ${date}`,
  mainPoints: "Lo más importante",
  notesTitle: "Notas de su profesional de salud",
  questions: (clinic) => `¿Preguntas? Comuníquese con ${clinic}`,
  references: "Referencias",
  warningLabel: "Busque ayuda ahora",
  scanToRead: "Escanee el código para leer este folleto en su teléfono",
  qrAlt: (label, url) => `Código QR: ${label} ${url}`,
  logoAlt: (clinic) => `Logotipo de ${clinic}`,
  contact: {
    clinician: "Su profesional de salud",
    directLine: "Línea directa",
    phone: "Teléfono",
    email: "Correo electrónico",
    website: "Sitio web",
    address: "Dirección",
    hours: "Horario",
  },
  email: {
    subject: (clinic) => `Su folleto de ${clinic}`,
    hello: "Hola:",
    attached: (clinic) => `${clinic} le envía el folleto que pidió. Va adjunto en PDF.`,
    linkIntro: (clinic) =>
      `${clinic} tiene un folleto para usted. Léalo en su teléfono o computadora, o descárguelo en PDF, aquí:`,
    linkUntil: (date) =>
      `El enlace funciona hasta el ${date}. Cualquier persona con el enlace puede abrir el folleto, así que no reenvíe este correo.`,
    questions: "Si tiene preguntas, comuníquese con nosotros:",
    why: "Recibió este correo porque pidió a la clínica que le enviara este folleto.",
    fileName: (date) => `folleto-${date}.pdf`,
  },
  page: {
    skip: "Ir al folleto",
    largerText: "Letra más grande",
    downloadPdf: "Descargar PDF",
    pdfSize: (pages) => `PDF, ${pages} ${pages === 1 ? "página" : "páginas"}`,
    worksUntil: (date) => `Este enlace funciona hasta el ${date}. Muestra el folleto tal como se lo dio su clínica.`,
    goneTitle: "Este folleto ya no está disponible",
    goneBody: "Puede que el enlace haya vencido, que lo hayan retirado o que esté mal escrito.",
    goneCall: "Para obtener una copia nueva, llame al",
    goneUnknown:
      "Para obtener una copia nueva, llame a la clínica que se lo dio. Su número de teléfono está en el folleto impreso y en su correo.",
    unverifiedTitle: "No se pudo verificar el contenido de este folleto",
    unverifiedBody:
      "Lo que mostraría esta página ya no coincide con el folleto que le dio su clínica, así que no se muestra.",
    unverifiedCall: "Comuníquese con",
    unverifiedUnknown: "Comuníquese con la clínica que se lo dio. Su número de teléfono está en el folleto impreso.",
    tooManyTitle: "Demasiadas solicitudes",
    tooManyBody: "Espere un minuto y vuelva a intentarlo.",
  },
};
