/**
 * The study description: a documented record tree ({@link org.pxrd.study.protocol.StudyDescription}), its JSON
 * form with validation errors that name the field ({@link org.pxrd.study.protocol.StudyFormat}), the structure
 * files it names ({@link org.pxrd.study.protocol.StructureSets}) and the shipped presets
 * ({@link org.pxrd.study.protocol.Presets}: {@code paper}, {@code paper-quick}).
 */
package org.pxrd.study.protocol;
